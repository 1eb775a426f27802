import type { Machine } from './machine.ts';

export const contractStatuses = ['draft', 'active', 'ended', 'terminated'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export const contractEvents = ['activate', 'end', 'terminate'] as const;
export type ContractEvent = (typeof contractEvents)[number];

/** draft ──activate──▶ active ──end──▶ ended; active ──terminate──▶ terminated. */
export const contractMachine: Machine<ContractStatus, ContractEvent> = {
  activate: { from: ['draft'], to: 'active', actors: ['staff'] },
  end: { from: ['active'], to: 'ended', actors: ['staff'] },
  terminate: { from: ['active'], to: 'terminated', actors: ['staff'] },
};

/** Statuses in which the terms, milestones and documents may still change; ended and terminated are read-only. */
export const openContractStatuses: readonly ContractStatus[] = ['draft', 'active'];

/** A renewal extends the term of a running contract. */
export const renewableContractStatuses: readonly ContractStatus[] = ['active'];

/** Work is submitted only on a running contract. */
export const workingContractStatuses: readonly ContractStatus[] = ['active'];

export const rateTypes = ['fixed', 'hourly', 'daily', 'milestone'] as const;
export type RateType = (typeof rateTypes)[number];

/** The terms a revision records; a change to any of them after activation is a new revision. */
export const contractTermFields = [
  'title',
  'scopeHtml',
  'rateType',
  'rateAmountMinor',
  'currency',
  'startDate',
  'endDate',
  'ipClause',
  'noticePeriodDays',
] as const;
export type ContractTermField = (typeof contractTermFields)[number];

export const contractTermLabels: Record<ContractTermField, string> = {
  title: 'Title',
  scopeHtml: 'Scope',
  rateType: 'Rate type',
  rateAmountMinor: 'Rate',
  currency: 'Currency',
  startDate: 'Start date',
  endDate: 'End date',
  ipClause: 'IP clause',
  noticePeriodDays: 'Notice period',
};
