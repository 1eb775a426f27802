import {
  type ContractTermField,
  contractTermFields,
  contractTermLabels,
  type RateType,
} from '../../../../shared/domain/contract.machine.ts';
import { formatDay, formatDays, formatMoney } from '../../../lib/format.intl.ts';
import { htmlToText } from './scope.text.ts';

export const rateTypeLabels: Record<RateType, string> = {
  fixed: 'Fixed price',
  hourly: 'Hourly',
  daily: 'Daily',
  milestone: 'Per milestone',
};

export const rateTypeOptions = (Object.keys(rateTypeLabels) as RateType[]).map((id) => ({ id, label: rateTypeLabels[id] }));

/** "€95.00 per hour", "€48,000.00 fixed price". */
export function describeRate(terms: { rateType: RateType; rateAmountMinor: number; currency: string }): string {
  const amount = formatMoney({ amountMinor: terms.rateAmountMinor, currency: terms.currency });
  switch (terms.rateType) {
    case 'hourly':
      return `${amount} per hour`;
    case 'daily':
      return `${amount} per day`;
    case 'fixed':
      return `${amount}, fixed price`;
    case 'milestone':
      return `${amount} in total, paid per milestone`;
  }
}

/** "1 Mar 2026 – 30 Jun 2026", or "From 1 Mar 2026, no end date". */
export function describeTerm(terms: { startDate: string; endDate: string | null }): string {
  return terms.endDate ? `${formatDay(terms.startDate)} – ${formatDay(terms.endDate)}` : `From ${formatDay(terms.startDate)}, no end date`;
}

export function describeNotice(days: number): string {
  return days === 0 ? 'None' : formatDays(days);
}

function isTermField(field: string): field is ContractTermField {
  return (contractTermFields as readonly string[]).includes(field);
}

export function termLabel(field: string): string {
  return isTermField(field) ? contractTermLabels[field] : field;
}

/** One side of a change ("from" or "to"), formatted as people read it. */
export function describeTermValue(field: string, value: unknown, currency: string): string {
  if (value === null || value === undefined || value === '') return field === 'endDate' ? 'No end date' : '(empty)';
  switch (field) {
    case 'rateAmountMinor':
      return typeof value === 'number' ? formatMoney({ amountMinor: value, currency }) : String(value);
    case 'startDate':
    case 'endDate':
      return typeof value === 'string' ? formatDay(value) : String(value);
    case 'noticePeriodDays':
      return typeof value === 'number' ? describeNotice(value) : String(value);
    case 'rateType':
      return typeof value === 'string' && value in rateTypeLabels ? rateTypeLabels[value as RateType] : String(value);
    case 'scopeHtml': {
      const text = typeof value === 'string' ? htmlToText(value).replace(/\s+/g, ' ').trim() : String(value);
      return text.length > 160 ? `${text.slice(0, 157)}…` : text || '(empty)';
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
