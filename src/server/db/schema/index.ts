export * from './auth.schema.ts';
export * from './platform.schema.ts';
export * from './tenancy.schema.ts';
