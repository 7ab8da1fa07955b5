export * from './channels';
export * from './result';
export type * from './types';
export { buildApi } from './build-api';
