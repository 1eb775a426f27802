import { describe, expect, it } from 'vitest';
import { currencyCodes, currencyMinorDigits } from './currencies.ts';
import { formatMoney, getMinorDigits, isKnownCurrency } from './money.ts';

describe('money from the ISO 4217 table', () => {
  it('takes minor-unit digits from the table, not from the runtime', () => {
    expect(getMinorDigits('EUR')).toBe(2);
    expect(getMinorDigits('JPY')).toBe(0);
    expect(getMinorDigits('KWD')).toBe(3);
    expect(getMinorDigits('CLF')).toBe(4);
    // CLDR (Intl) says 0 for these; ISO 4217 says 3 and 2.
    expect(getMinorDigits('IQD')).toBe(3);
    expect(getMinorDigits('IDR')).toBe(2);
  });

  it('knows the codes of the table only', () => {
    expect(isKnownCurrency('USD')).toBe(true);
    expect(isKnownCurrency('XXX')).toBe(false);
    expect(isKnownCurrency('usd')).toBe(false);
    expect(isKnownCurrency('DEM')).toBe(false);
    expect(isKnownCurrency('toString')).toBe(false);
    expect(currencyCodes.length).toBe(Object.keys(currencyMinorDigits).length);
    expect(currencyCodes.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
  });

  it('formats with the table digits', () => {
    expect(formatMoney({ amountMinor: 123456, currency: 'EUR' }, 'en')).toBe('€1,234.56');
    const spaced = (text: string) => text.replace(/\s/g, ' ');
    expect(spaced(formatMoney({ amountMinor: 1234, currency: 'KWD' }, 'en'))).toBe('KWD 1.234');
    expect(spaced(formatMoney({ amountMinor: 1234, currency: 'IQD' }, 'en'))).toBe('IQD 1.234');
    expect(formatMoney({ amountMinor: 500, currency: 'JPY' }, 'en')).toBe('¥500');
  });
});
