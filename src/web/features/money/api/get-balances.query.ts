import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { moneyKeys } from './money.keys.ts';

export type Balance = ApiData<'/api/money/balances', 'get'>['items'][number];

/** Approved and not paid yet, per organization, contractor and currency. */
export function useBalances() {
  return useQuery({ queryKey: moneyKeys.balances, queryFn: ({ signal }) => dataOf(api.GET('/api/money/balances', { signal })) });
}
