import { Readable, type Transform } from 'node:stream';
import { stringify } from 'csv-stringify';

/** A column of an export: its header and how to read the cell from a row. */
export interface CsvColumn<T> {
  header: string;
  cell: (row: T) => string | number | null | undefined;
}

/** A cell that a spreadsheet would read as a formula starts with one of these. */
const formulaStart = /^[=+\-@\t\r]/;
/** A plain number (e.g. a negative amount) is data, not a formula, and stays as it is. */
const plainNumber = /^-?\d+(\.\d+)?$/;

/**
 * Neutralises formula injection (OWASP "CSV injection"): a text cell that starts with `=`, `+`,
 * `-`, `@`, tab or carriage return gets a leading apostrophe, so Excel, LibreOffice and Google
 * Sheets show it as text instead of evaluating it. Plain numbers are left alone.
 */
export function neutraliseCell(value: string): string {
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}

/** One row's cells as text, neutralised. */
export function csvCells<T>(columns: readonly CsvColumn<T>[], row: T): string[] {
  return columns.map((column) => {
    const value = column.cell(row);
    return value === null || value === undefined ? '' : neutraliseCell(String(value));
  });
}

/** A csv-stringify transform: RFC 4180 quoting, CRLF line ends, a UTF-8 BOM for spreadsheets, the header row first. */
export function csvEncoder<T>(columns: readonly CsvColumn<T>[]): Transform {
  return stringify({ bom: true, record_delimiter: 'windows', header: true, columns: columns.map((c) => c.header) });
}

/**
 * Streams rows as CSV: each row is turned into neutralised cells and encoded as it comes, with
 * backpressure, so memory stays flat however many rows the source yields.
 */
export function csvStream<T>(columns: readonly CsvColumn<T>[], rows: AsyncIterable<T>): Readable {
  async function* cells() {
    for await (const row of rows) yield csvCells(columns, row);
  }
  const source = Readable.from(cells(), { objectMode: true, highWaterMark: 64 });
  const encoder = csvEncoder(columns);
  source.on('error', (error) => encoder.destroy(error));
  return source.pipe(encoder);
}

/**
 * Reads a whole ordered set in batches: `readBatch(after, size)` returns the rows after the last
 * one of the previous batch (keyset), and the rows are yielded one by one. One batch is in memory
 * at a time; the next is read only when the consumer asks for it.
 */
export async function* readInBatches<T>(readBatch: (after: T | undefined, size: number) => Promise<T[]>, size = 1000): AsyncGenerator<T> {
  let after: T | undefined;
  for (;;) {
    const batch = await readBatch(after, size);
    yield* batch;
    if (batch.length < size) return;
    after = batch.at(-1);
  }
}

/** A file name safe in a Content-Disposition header (ASCII letters, digits, dot, dash, underscore). */
export function attachmentName(base: string, extension: 'csv' | 'pdf'): string {
  const safe =
    base
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'export';
  return `${safe}.${extension}`;
}
