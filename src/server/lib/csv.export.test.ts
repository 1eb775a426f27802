import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUpChildren, spawnChild } from '../test/children.ts';
import { attachmentName, type CsvColumn, csvStream, neutraliseCell, readInBatches } from './csv.export.ts';

/** An RFC 4180 reader, independent of the writer, to read back what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

async function textOf<T>(columns: CsvColumn<T>[], rows: T[]): Promise<string> {
  const chunks: Buffer[] = [];
  async function* source() {
    yield* rows;
  }
  await pipeline(
    csvStream(columns, source()),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(chunks).toString('utf8');
}

const dangerous = ['=', '+', '-', '@', '\t', '\r'];
const cellText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.tuple(fc.constantFrom(...dangerous), fc.string({ maxLength: 30 })).map(([a, b]) => a + b),
  fc.constantFrom('=HYPERLINK("http://x","y")', '@SUM(A1)', '-2+3', '+1', '-12.50', '"quoted", with comma', 'line\r\nbreak'),
);

describe('CSV export', () => {
  afterEach(cleanUpChildren);

  it('never lets a text cell start a formula, and reads back exactly what was neutralised (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { maxLength: 20 }), async (rows) => {
        const columns: CsvColumn<string[]>[] = [0, 1, 2].map((i) => ({ header: `c${i}`, cell: (r) => r[i] }));
        const text = await textOf(columns, rows);
        expect(text.startsWith('\uFEFF')).toBe(true);
        const parsed = parseCsv(text.slice(1));
        expect(parsed[0]).toEqual(['c0', 'c1', 'c2']);
        expect(parsed.slice(1)).toEqual(rows.map((r) => r.map(neutraliseCell)));
        for (const cells of parsed.slice(1))
          for (const cell of cells) {
            const formula = /^[=+\-@\t\r]/.test(cell);
            expect(!formula || /^-?\d+(\.\d+)?$/.test(cell)).toBe(true);
          }
      }),
      { numRuns: 300 },
    );
  });

  it('neutralises each dangerous start and keeps plain numbers and ordinary text', () => {
    for (const start of dangerous) expect(neutraliseCell(`${start}cmd`)).toBe(`'${start}cmd`);
    expect(neutraliseCell('-1234.56')).toBe('-1234.56');
    expect(neutraliseCell('-1e3')).toBe("'-1e3");
    expect(neutraliseCell('Acme, Inc.')).toBe('Acme, Inc.');
    expect(neutraliseCell('')).toBe('');
  });

  it('streams 100,000 rows with flat memory: a child with a 64 MB heap writes 90 MB, and keeps under 16 MB alive', async () => {
    // Measured in a child Node after full collections, so neither the worker's other tests nor
    // the garbage collector's timing (which differs between Node versions) moves the figure.
    const child = spawnChild(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=64', '--import', 'tsx', 'src/server/test/csv-stream.child.ts'],
      {
        cwd: process.cwd(),
        env: process.env,
      },
    );
    const code = await child.exited;
    expect(code, child.output()).toBe(0);
    const { rows, bytes, retainedPeak, chunks } = JSON.parse(child.stdout().trim()) as Record<string, number>;
    expect(rows).toBe(100_001);
    expect(bytes).toBeGreaterThan(90_000_000);
    expect(chunks).toBeGreaterThan(200);
    expect(retainedPeak).toBeLessThan(16 * 1024 * 1024);
  }, 120_000);

  it('reads batches until a short one, asking after the last row of each', async () => {
    const asked: (number | undefined)[] = [];
    const seen: number[] = [];
    for await (const n of readInBatches(async (after: number | undefined, size) => {
      asked.push(after);
      const start = (after ?? 0) + 1;
      return Array.from({ length: Math.min(size, 7 - start + 1) }, (_, i) => start + i).filter((x) => x <= 7);
    }, 3))
      seen.push(n);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(asked).toEqual([undefined, 3, 6]);
  });

  it('names attachments with safe characters only', () => {
    expect(attachmentName('Statement Acme GmbH 2026-01 / "x"', 'pdf')).toBe('Statement-Acme-GmbH-2026-01-x.pdf');
    expect(attachmentName('ééé', 'csv')).toBe('eee.csv');
    expect(attachmentName('////', 'csv')).toBe('export.csv');
  });
});
