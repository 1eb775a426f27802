import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeInvoiceTotals, formatScaledDecimal, lineAmountMinor, parseScaledDecimal, taxAmountMinor } from './invoice.totals.ts';

describe('invoice totals', () => {
  it('multiplies quantities in thousandths exactly and rounds half up once', () => {
    expect(lineAmountMinor({ quantityMilli: 1500, unitAmountMinor: 10_000 })).toBe(15_000);
    expect(lineAmountMinor({ quantityMilli: 333, unitAmountMinor: 1 })).toBe(0);
    expect(lineAmountMinor({ quantityMilli: 500, unitAmountMinor: 1 })).toBe(1);
    expect(lineAmountMinor({ quantityMilli: 1_000_000_000, unitAmountMinor: 1_000_000_000_000 })).toBe(1e18);
  });

  it('computes tax on the subtotal in basis points, rounded half up', () => {
    expect(taxAmountMinor(10_005, 2000)).toBe(2001);
    expect(taxAmountMinor(10_002, 2000)).toBe(2000);
    expect(taxAmountMinor(12_345, 0)).toBe(0);
  });

  it('adds lines, then tax, into the total', () => {
    expect(
      computeInvoiceTotals(
        [
          { quantityMilli: 2000, unitAmountMinor: 12_50 },
          { quantityMilli: 1000, unitAmountMinor: 250_000 },
        ],
        1900,
      ),
    ).toEqual({ lineAmountsMinor: [2500, 250_000], subtotalMinor: 252_500, taxMinor: 47_975, totalMinor: 300_475 });
  });

  it('keeps total = subtotal + tax and never goes below the exact product (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantityMilli: fc.integer({ min: 1, max: 1_000_000 }), unitAmountMinor: fc.integer({ min: 0, max: 1e9 }) }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.integer({ min: 0, max: 10_000 }),
        (lines, rate) => {
          const totals = computeInvoiceTotals(lines, rate);
          expect(totals.totalMinor).toBe(totals.subtotalMinor + totals.taxMinor);
          lines.forEach((line, i) => {
            const exact = (BigInt(line.quantityMilli) * BigInt(line.unitAmountMinor) * 2n) / 1000n; // twice the exact value, floored
            expect(BigInt(totals.lineAmountsMinor[i]!) * 2n >= exact - 1n).toBe(true);
            expect(BigInt(totals.lineAmountsMinor[i]!) * 2n <= exact + 1n).toBe(true);
          });
        },
      ),
    );
  });

  it('reads and writes decimals typed by people without floating point', () => {
    expect(parseScaledDecimal('1.5', 3)).toBe(1500);
    expect(parseScaledDecimal('0,125', 3)).toBe(125);
    expect(parseScaledDecimal('12', 2)).toBe(1200);
    expect(parseScaledDecimal('1.2345', 3)).toBeNull();
    expect(parseScaledDecimal('abc', 3)).toBeNull();
    expect(parseScaledDecimal('-1', 3)).toBeNull();
    expect(formatScaledDecimal(1500, 3)).toBe('1.5');
    expect(formatScaledDecimal(2000, 3)).toBe('2');
    expect(formatScaledDecimal(7, 0)).toBe('7');
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }).map(Number), (n) => parseScaledDecimal(formatScaledDecimal(n, 3), 3) === n),
    );
  });
});
