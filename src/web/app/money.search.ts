import { isCalendarDate } from '../../shared/domain/time-zone.ts';

export interface MoneySearch {
  /** The other party: an organization for a contractor, a contractor for staff. */
  party?: string;
  from?: string;
  to?: string;
}

const id = /^[0-9a-f-]{36}$/i;

/** The Money page's party and period, read from the URL: anything unknown is dropped. */
export function validateMoneySearch(search: Record<string, unknown>): MoneySearch {
  const day = (value: unknown) => (typeof value === 'string' && isCalendarDate(value) ? value : undefined);
  return {
    party: typeof search.party === 'string' && id.test(search.party) ? search.party : undefined,
    from: day(search.from),
    to: day(search.to),
  };
}
