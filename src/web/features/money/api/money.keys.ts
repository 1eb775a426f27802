import { queryRoots } from '../../../lib/query.roots.ts';

export interface StatementParams {
  organizationId?: string;
  contractorId?: string;
  from: string;
  to: string;
}

export const moneyKeys = {
  all: queryRoots.money,
  balances: [...queryRoots.money, 'balances'] as const,
  parties: (q: string) => [...queryRoots.money, 'parties', q] as const,
  statement: (params: StatementParams) => [...queryRoots.money, 'statement', params] as const,
};
