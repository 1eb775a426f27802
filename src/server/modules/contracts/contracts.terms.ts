import { type ContractTermField, contractTermFields } from '../../../shared/domain/contract.machine.ts';
import type { contracts } from '../../db/schema/index.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type ContractTerms = Pick<ContractRow, ContractTermField>;
export type TermChanges = Partial<Record<ContractTermField, { from: unknown; to: unknown }>>;

export function termsOf(row: ContractTerms): ContractTerms {
  return Object.fromEntries(contractTermFields.map((f) => [f, row[f]])) as ContractTerms;
}

/** What differs between two sets of terms, field by field. */
export function diffTerms(before: ContractTerms, after: ContractTerms): TermChanges {
  const changes: TermChanges = {};
  for (const field of contractTermFields) if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  return changes;
}
