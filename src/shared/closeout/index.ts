/** Close-out: final grading inputs from the log and the call sheet, deadline compliance, and the reports (DOMAIN §6, §9). */
export * from './availability';
export * from './call-stats';
export * from './complaints';
export * from './compliance';
export * from './document';
export * from './fields';
export * from './grade';
export * from './report';
export * from './report-document';
export * from './weekly';
export * from './wording';
