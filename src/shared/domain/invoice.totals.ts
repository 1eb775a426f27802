/**
 * Invoice arithmetic, shared by the server (which checks what a contractor submits) and the web
 * form (which shows the same totals live). Money stays exact: amounts are integer minor units,
 * quantities integer thousandths (1.5 hours = 1500), tax rates integer basis points (20 % = 2000),
 * and every product is computed on BigInt before one rounding, half away from zero.
 */

export const QUANTITY_SCALE = 1000;
export const TAX_RATE_SCALE = 10_000;
/** At most a million units on one line. */
export const MAX_QUANTITY_MILLI = 1_000_000_000;

export interface InvoiceLineInput {
  quantityMilli: number;
  unitAmountMinor: number;
}

export interface InvoiceTotals {
  lineAmountsMinor: number[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** numerator / denominator for non-negative integers, rounded half up. */
function divideRounded(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/** A line's amount: quantity × unit amount, rounded half up to a whole minor unit. */
export function lineAmountMinor(line: InvoiceLineInput): number {
  return divideRounded(BigInt(line.quantityMilli) * BigInt(line.unitAmountMinor), BigInt(QUANTITY_SCALE));
}

/** The tax on a subtotal at a rate in basis points, rounded half up. */
export function taxAmountMinor(subtotalMinor: number, taxRateBp: number): number {
  return divideRounded(BigInt(subtotalMinor) * BigInt(taxRateBp), BigInt(TAX_RATE_SCALE));
}

export function computeInvoiceTotals(lines: readonly InvoiceLineInput[], taxRateBp: number): InvoiceTotals {
  const lineAmountsMinor = lines.map(lineAmountMinor);
  const subtotalMinor = lineAmountsMinor.reduce((sum, amount) => sum + amount, 0);
  const taxMinor = taxAmountMinor(subtotalMinor, taxRateBp);
  return { lineAmountsMinor, subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor };
}

/**
 * A decimal typed by a person ("1.5", "2", "0.125") as an integer number of `10^-digits` units,
 * exactly (no floating point); null when it is not such a number or has more digits.
 */
export function parseScaledDecimal(text: string, digits: number): number | null {
  const match = /^\s*(\d{1,12})(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const value = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(value) ? value : null;
}

/** An integer of `10^-digits` units as a plain decimal ("1500", 3 → "1.5"). */
export function formatScaledDecimal(value: number, digits: number): string {
  if (digits === 0) return String(value);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = String(abs % 10 ** digits)
    .padStart(digits, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
