export * from './auth.schema.ts';
export * from './contracts.schema.ts';
export * from './invoices.schema.ts';
export * from './milestones.schema.ts';
export * from './payments.schema.ts';
export * from './platform.schema.ts';
export * from './tenancy.schema.ts';
