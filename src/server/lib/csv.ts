import { type Stringifier, stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/** First characters that make a spreadsheet read a cell as a formula (or hide what follows). */
const formulaStarts = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * A cell a spreadsheet shows as text: one beginning with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading apostrophe (OWASP's advice against CSV formula injection).
 */
export function neutralizeCell(value: string): string {
  return value.length > 0 && formulaStarts.has(value[0]!) ? `'${value}` : value;
}

function castOf() {
  return { string: (value: string) => neutralizeCell(value) };
}

/** A whole CSV text (small documents, e.g. a batch for a bank's bulk upload), header first, every cell neutralized. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return stringifySync([header as string[], ...(rows as string[][])], { cast: castOf(), record_delimiter: 'windows' });
}

/** A streaming CSV writer (large exports): write rows of strings, pipe it to the answer. */
export function csvStream(header: readonly string[]): Stringifier {
  const stream = stringify({ cast: castOf(), record_delimiter: 'windows' });
  stream.write(header as string[]);
  return stream;
}
