export * from './action-definition';
export * from './automation';
export * from './discovery';
export * from './errors';
export * from './execution';
export * from './plugin';
export * from './registration';
export * from './validation-issues';
