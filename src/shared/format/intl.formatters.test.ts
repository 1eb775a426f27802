import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl.formatters.ts';

describe('Intl formatters made once', () => {
  it('gives the same formatter for the same locale and options, and formats as a new one would', () => {
    const day = new Date('2026-12-20T14:05:00Z');
    const first = dateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(dateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(first);
    expect(first.format(day)).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(day));
    const euros = numberFormat('de-DE', { style: 'currency', currency: 'EUR' });
    expect(numberFormat('de-DE', { style: 'currency', currency: 'EUR' })).toBe(euros);
    expect(euros.format(1234.5)).toBe(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1234.5));
    expect(relativeTimeFormat('en', { numeric: 'auto' })).toBe(relativeTimeFormat('en', { numeric: 'auto' }));
    expect(relativeTimeFormat('en', { numeric: 'auto' }).format(-1, 'day')).toBe('yesterday');
  });

  it('keeps formatters of other locales, options and kinds apart', () => {
    const day = new Date('2026-12-20T14:05:00Z');
    expect(dateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(day)).toBe('Dec 20, 2026');
    expect(dateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(day)).toBe('20.12.2026');
    expect(dateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'Pacific/Kiritimati' }).format(day)).toBe('Dec 21, 2026');
    expect(numberFormat('en-US', { style: 'currency', currency: 'JPY' }).format(1234)).toBe('¥1,234');
    expect(numberFormat('en-US', { style: 'currency', currency: 'USD' }).format(1234)).toBe('$1,234.00');
    expect(numberFormat(undefined, {})).not.toBe(numberFormat('en-US', {}));
  });

  it('throws for an unknown time zone every time: a failure is never kept', () => {
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('stays bounded when locales and options keep changing', () => {
    const kept = new Set<Intl.NumberFormat>();
    for (const locale of ['en-US', 'de-DE'])
      for (let integers = 1; integers <= 21; integers++)
        for (let digits = 0; digits <= 20; digits++)
          kept.add(numberFormat(locale, { minimumIntegerDigits: integers, minimumFractionDigits: digits }));
    expect(kept.size).toBe(2 * 21 * 21);
    // Still right after the cache started again.
    expect(numberFormat('en-US', { minimumFractionDigits: 2 }).format(1)).toBe('1.00');
  });
});
