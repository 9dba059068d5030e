export * from './factories';
export * from './test-app';
export * from './test-database';
export * from './cleanup';
export * from './processes';
export * from './api-process';
export * from './built';
export * from './smtp';
