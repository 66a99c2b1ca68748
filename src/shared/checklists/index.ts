export * from './schema';
export * from './scenarios';
export * from './roles';
export * from './scripts';
export * from './events';
export * from './derive';
export * from './resolve';
export { BUILT_IN_TEMPLATES } from './templates';
export * from './catalogue';
