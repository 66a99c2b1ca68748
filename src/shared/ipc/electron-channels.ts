/** Main → renderer events travel on one Electron channel as (eventName, payload); the contract checks both. */
export const EVENT_CHANNEL = 'floorguard:event';
