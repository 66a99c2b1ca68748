import type { MessageCatalogue } from '../catalogue';

export const en = {
  app: {
    name: 'Floorguard',
    tagline: 'Contact-centre emergency console',
  },
  nav: {
    label: 'Main navigation',
    calls: 'Call sheet',
    incident: 'Incident',
    checklist: 'Checklist',
    contacts: 'Contacts',
    power: 'Power & lines',
    reports: 'Reports',
    settings: 'Settings',
    shortcutHint: 'Alt+{{key}}',
  },
  status: {
    label: 'Status bar',
    online: 'Online',
    offline: 'Offline',
    pendingSync: '{{count}} pending sync',
    power: 'Power',
    powerUnknown: 'not monitored',
    host: {
      electron: 'Desktop',
      harness: 'Browser harness',
    },
  },
  language: {
    label: 'Language',
    switchTo: '中文',
  },
  placeholder: {
    calls: 'Agents log every call here while the CRM or the network is down.',
    incident: 'The floor lead declares, grades and escalates incidents here.',
    checklist: 'The running checklist and its countdowns for the open incident.',
    contacts: 'The command centre and every team’s contacts.',
    power: 'UPS, seat power, and the primary and backup lines.',
    reports: 'Incident reports and the weekly review.',
  },
  settings: {
    title: 'This seat',
    agentName: 'Agent name',
    seatName: 'Seat',
    save: 'Save',
    saved: 'Saved',
  },
  tray: {
    openConsole: 'Open console',
    quit: 'Quit Floorguard',
    online: 'Online',
    offline: 'Offline',
    pending: '{{count}} pending sync',
  },
  errors: {
    ipc: {
      invalid_request: 'The request is not valid: {{detail}}',
      invalid_response: 'The background service returned data it should not have: {{detail}}',
      unknown_channel: 'Unknown background function: {{detail}}',
      forbidden: 'Not allowed: {{detail}}',
      unavailable: 'The background service is not available: {{detail}}',
      internal: 'The background service failed: {{detail}}',
    },
  },
} as const satisfies MessageCatalogue;
