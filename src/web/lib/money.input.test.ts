import { describe, expect, it } from 'vitest';
import { formatMoneyInput, parseMoneyInput } from './money.input.ts';

describe('parseMoneyInput', () => {
  it('reads amounts as people type them in their locale, in minor units', () => {
    expect(parseMoneyInput('1,250.00', 'EUR', 'en-GB')).toEqual({ ok: true, amountMinor: 125_000 });
    expect(parseMoneyInput('1.250,5', 'EUR', 'de-DE')).toEqual({ ok: true, amountMinor: 125_050 });
    expect(parseMoneyInput('1\u202f250,00', 'EUR', 'fr-FR')).toEqual({ ok: true, amountMinor: 125_000 });
    expect(parseMoneyInput('12.50', 'EUR', 'fr-FR')).toEqual({ ok: true, amountMinor: 1_250 });
    expect(parseMoneyInput('1250', 'JPY', 'en')).toEqual({ ok: true, amountMinor: 1_250 });
    expect(parseMoneyInput('1.234', 'KWD', 'en')).toEqual({ ok: true, amountMinor: 1_234 });
  });

  it('never rounds: too many decimals, or none allowed, is an error', () => {
    expect(parseMoneyInput('10.005', 'EUR', 'en').ok).toBe(false);
    expect(parseMoneyInput('10.5', 'JPY', 'en').ok).toBe(false);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '-5', '1e5', '12..3']) expect(parseMoneyInput(text, 'EUR', 'en').ok).toBe(false);
  });

  it('round-trips with formatMoneyInput', () => {
    for (const [minor, currency, locale] of [
      [123_456, 'EUR', 'en-GB'],
      [123_456, 'EUR', 'de-DE'],
      [999, 'JPY', 'ja-JP'],
      [1_000_001, 'KWD', 'en'],
    ] as const)
      expect(parseMoneyInput(formatMoneyInput(minor, currency, locale), currency, locale)).toEqual({ ok: true, amountMinor: minor });
  });
});
