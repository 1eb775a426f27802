/** Money is an integer number of minor units plus an ISO 4217 currency code. */
export interface Money {
  amountMinor: number;
  currency: string;
}

const minorDigitsCache = new Map<string, number>();

/** How many minor-unit digits a currency has (2 for EUR, 0 for JPY, 3 for KWD). */
export function getMinorDigits(currency: string): number {
  const cached = minorDigitsCache.get(currency);
  if (cached !== undefined) return cached;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;
  minorDigitsCache.set(currency, digits);
  return digits;
}

/** True when the code is an ISO 4217 currency this runtime knows. */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
  return supported ? supported('currency').includes(code) : true;
}

/** Formats money in the user's locale, e.g. 123456 EUR → "€1,234.56". */
export function formatMoney(money: Money, locale?: string): string {
  const digits = getMinorDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.amountMinor / 10 ** digits,
  );
}

/** Adds amounts per currency; amounts of different currencies are never added together. */
export function sumByCurrency(items: readonly Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? 0) + item.amountMinor);
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}
