import { formatAmount, getMinorDigits } from '../../shared/domain/money.ts';
import { userLocale } from './format.intl.ts';
import { numberFormat } from '../../shared/format/intl.formatters.ts';

export type MoneyParse = { ok: true; amountMinor: number } | { ok: false; message: string };

/** The group and decimal separators of a locale ("," and "." in en, "." and "," in de). */
function separators(locale: string): { group: string; decimal: string } {
  const parts = numberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/**
 * What a person typed ("1,250.00" in en, "1.250,00" in de, "1 250,00" in fr) as integer minor
 * units of the currency, without floating-point arithmetic. Too many decimals is an error, not
 * a rounding.
 */
export function parseMoneyInput(text: string, currency: string, locale: string = userLocale()): MoneyParse {
  const digits = getMinorDigits(currency);
  const { group, decimal } = separators(locale);
  // Spaces of any kind (fr uses a narrow no-break space) and the group separator are ignored.
  let cleaned = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (group.trim()) cleaned = cleaned.split(group).join('');
  // A dot still there in a comma-decimal locale ("12.50" typed in fr) is taken as the decimal point.
  if (decimal !== '.' && cleaned.includes(decimal)) cleaned = cleaned.split(decimal).join('.');
  if (cleaned === '') return { ok: false, message: 'Enter an amount.' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, message: `Enter an amount as a number, like ${moneyInputExample(currency, locale)}.` };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits)
    return {
      ok: false,
      message:
        digits === 0 ? `${currency} has no minor units: enter a whole amount.` : `Use at most ${digits} decimal places for ${currency}.`,
    };
  const minorText = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  if (minorText.length > 15) return { ok: false, message: 'The amount is too large.' };
  return { ok: true, amountMinor: Number(minorText) };
}

/** Integer minor units as the text of an amount field ("1,250.00"), without the currency sign. */
export function formatMoneyInput(amountMinor: number, currency: string, locale: string = userLocale()): string {
  return formatAmount(amountMinor, currency, locale);
}

/** "1,250.00" as an example for the field's description, in the user's locale. */
export function moneyInputExample(currency: string, locale: string = userLocale()): string {
  return formatMoneyInput(1250 * 10 ** getMinorDigits(currency), currency, locale);
}
