export * from './assets';
export * from './campaign-content';
export * from './prospect-fields';
export * from './sequence';
export * from './slots';
export * from './social-copy-length';
