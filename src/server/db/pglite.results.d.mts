/** The first statement's result in a bind, describe, execute, sync answer; null when the answer holds an error or a notification. */
export function readResult(
  bytes: Uint8Array,
  parsers: Record<number, (value: string, typeId: number) => unknown>,
  rowMode: 'array' | 'object' | undefined,
): {
  rows: unknown[];
  fields: Array<{ name: string; dataTypeID: number }>;
  command: string;
  affectedRows: number;
  rowCount?: number;
} | null;
/** Whether readResult reads this answer: no error, notification or message of another kind. */
export function isPlainAnswer(bytes: Uint8Array): boolean;
/** The array types of the database (element type, array type), as PGlite reads them when it starts. */
export const ARRAY_TYPES_SQL: string;
/** PGlite's table of parsers (its `db.parsers`), made away from PGlite from the database's array types. */
export function pgliteParsers(arrayTypes: Array<[number, number]>): Record<number, (value: string, typeId: number) => unknown>;
