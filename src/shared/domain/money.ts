import { type CurrencyCode, currencyMinorDigits } from './currencies.ts';
import { numberFormat } from '../format/intl.formatters.ts';

/** Money is an integer number of minor units plus an ISO 4217 currency code. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/**
 * How many minor-unit digits a currency has (2 for EUR, 0 for JPY, 3 for KWD), from the ISO 4217
 * table; 2 for a code not in it (a form shows digits while the code is still being typed).
 */
export function getMinorDigits(currency: string): number {
  return isKnownCurrency(currency) ? currencyMinorDigits[currency as CurrencyCode] : 2;
}

/** True when the code is in the ISO 4217 table. */
export function isKnownCurrency(code: string): boolean {
  return Object.hasOwn(currencyMinorDigits, code);
}

/** Formats money in the user's locale, e.g. 123456 EUR → "€1,234.56". */
export function formatMoney(money: Money, locale?: string): string {
  const digits = getMinorDigits(money.currency);
  return numberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(money.amountMinor / 10 ** digits);
}

/** The amount in the locale without a currency sign, in the currency's digits, e.g. 123456 EUR → "1,234.56" (en-US). */
export function formatAmount(amountMinor: number, currency: string, locale?: string): string {
  const digits = getMinorDigits(currency);
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amountMinor / 10 ** digits);
}

/** Adds amounts per currency; amounts of different currencies are never added together. */
export function sumByCurrency(items: readonly Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? 0) + item.amountMinor);
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

/** The amount as a plain decimal in the currency's digits, e.g. -123456 EUR → "-1234.56" (for files, not for people). */
export function toDecimalString(money: Money): string {
  const digits = getMinorDigits(money.currency);
  const sign = money.amountMinor < 0 ? '-' : '';
  const whole = Math.abs(money.amountMinor);
  if (digits === 0) return `${sign}${whole}`;
  const text = String(whole).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
