/** The places of the console, in navigation order; Alt+1…Alt+7 jumps to them. */
export const PLACES = ['calls', 'incident', 'checklist', 'contacts', 'power', 'reports', 'settings'] as const;
export type Place = (typeof PLACES)[number];
