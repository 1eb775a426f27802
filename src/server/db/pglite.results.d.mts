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
