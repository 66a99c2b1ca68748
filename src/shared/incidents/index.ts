/** The incident log (append-only events), its derivation, escalation planning and the tray's data. */
export * from './events';
export * from './derive';
export * from './escalation';
export * from './tray';
export * from './suggest';
