import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createResponseSerializerCompiler } from './response.serializer.ts';

const party = z.object({ id: z.string(), name: z.string() });
const schema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      amountMinor: z.number().int(),
      status: z.enum(['open', 'paid']),
      overdue: z.boolean(),
      paidAt: z.string().nullable(),
      contractor: party,
      payment: party.nullable(),
      note: z.string().optional(),
      totals: z.record(z.string(), z.number()),
      event: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('note'), text: z.string() }),
        z.object({ kind: z.literal('amount'), amountMinor: z.number(), method: z.enum(['bank', 'card']).nullable() }),
      ]),
    }),
  ),
  nextCursor: z.string().nullable(),
});

function compile(zodSchema: z.ZodType, verify = false) {
  return createResponseSerializerCompiler({ verify })({ schema: zodSchema, method: 'GET', url: '/api/things' });
}

/** What Zod's encode writes: the reference the compiled writer is held to. */
const viaZod = (zodSchema: z.ZodType, data: unknown) => JSON.stringify(z.encode(zodSchema, data));

describe('the compiled response serializer', () => {
  const page = {
    items: [
      {
        id: 'm1',
        amountMinor: 150000,
        status: 'open',
        overdue: false,
        paidAt: null,
        contractor: { id: 'c1', name: 'Ada "the" Contractor\n', internalNote: 'staff only' },
        payment: { id: 'p1', name: 'Payout', internalNote: 'staff only' },
        totals: { EUR: 100, USD: 5 },
        event: { kind: 'note', text: 'Done ✓', secret: 1 },
        companyTotal: 9_999_999,
      },
      {
        id: 'm2',
        amountMinor: 1,
        status: 'paid',
        overdue: true,
        paidAt: '2026-12-01T10:00:00.000Z',
        contractor: { id: 'c2', name: 'Bo' },
        payment: null,
        note: 'café',
        totals: {},
        event: { kind: 'amount', amountMinor: 7, method: null },
      },
    ],
    nextCursor: null,
    debug: 'never written',
  };

  it('writes what Zod writes: the schema’s fields only, at every depth (nullable objects and unions too)', () => {
    const written = compile(schema)(page);
    expect(JSON.parse(written)).toEqual(JSON.parse(viaZod(schema, page)));
    for (const hidden of ['internalNote', 'companyTotal', 'secret', 'debug']) expect(written).not.toContain(hidden);
    expect(JSON.parse(written).items[0].contractor.name).toBe('Ada "the" Contractor\n');
  });

  it('keeps Zod’s serializer for a schema JSON Schema cannot express', () => {
    const dated = z.object({ at: z.date() });
    const at = new Date('2026-12-05T12:00:00.000Z');
    expect(compile(dated)({ at })).toBe(viaZod(dated, { at }));
  });

  it('with verify (the suite’s apps), fails a response Zod refuses or writes differently', () => {
    // An id that is a number: fast-json-stringify alone writes it as a string, Zod refuses it.
    const wrong = { ...page, items: [{ ...page.items[1], id: 42 }] };
    expect(JSON.parse(compile(schema)(wrong)).items[0].id).toBe('42');
    expect(() => compile(schema, true)(wrong)).toThrow();
    expect(compile(schema, true)(page)).toBe(compile(schema)(page));
  });
});
