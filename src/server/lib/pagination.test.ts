import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { readCursor } from './pagination.ts';

const cursorOf = (...values: string[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** The cursor's field error, or null when the cursor is read. */
function refusal(type: string, value: string): string | null {
  try {
    readCursor(cursorOf(value), [type]);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('readCursor', () => {
  it('reads the key values PostgreSQL writes, and ISO 8601', () => {
    for (const value of [
      '2026-12-06 05:12:57.123456+00',
      '2026-12-06 05:12:57+00',
      '2026-12-06T05:12:57Z',
      '2026-12-06T05:12:57.5+05:30',
      '2026-12-06 05:12:57-0800',
      '2024-02-29 23:59:59+15:59',
      '0001-01-01 00:00:00+00',
    ])
      expect(refusal('timestamp with time zone', value), value).toBeNull();
    for (const value of ['2024-02-29', '2000-02-29', '9999-12-31', 'infinity']) expect(refusal('date', value), value).toBeNull();
    for (const value of ['0', '-2147483648', '2147483647']) expect(refusal('integer', value), value).toBeNull();
    for (const value of ['-9223372036854775808', '9223372036854775807']) expect(refusal('bigint', value), value).toBeNull();
    expect(refusal('text', 'any text at all, even 2024-02-30')).toBeNull();
    expect(readCursor(cursorOf('2026-12-06', 'b'), ['date', 'text'])).toEqual(['2026-12-06', 'b']);
  });

  it('refuses what PostgreSQL would not cast, which Date.parse takes', () => {
    for (const value of [
      '0000-01-01 00:00:00+00',
      '2024-02-30 10:00:00+00',
      '2023-02-29 10:00:00+00',
      '2026-12-06 24:00:00+00',
      '2026-12-06 23:60:00+00',
      '2026-12-06 23:59:60+00',
      '2026-12-06 05:12:57+16',
      '2026-12-06 05:12:57+05:60',
      '2026-12-06',
      '1',
      'March 7',
      '',
    ])
      expect(refusal('timestamp with time zone', value), value).toBe('VALIDATION_FAILED');
    for (const value of ['2024-02-30', '1900-02-29', '0000-01-01', '2026-13-01', '2026-00-10', '2026-1-1', '-infinity x'])
      expect(refusal('date', value), value).toBe('VALIDATION_FAILED');
    for (const value of ['2147483648', '-2147483649', '1.5', '1e3', '']) expect(refusal('integer', value), value).toBe('VALIDATION_FAILED');
    for (const value of ['9223372036854775808', '99999999999999999999']) expect(refusal('bigint', value), value).toBe('VALIDATION_FAILED');
  });

  it('refuses a cursor of the wrong shape', () => {
    expect(() => readCursor('not base64 json', ['text'])).toThrow(AppError);
    expect(() => readCursor(cursorOf('a'), ['text', 'text'])).toThrow(AppError);
    expect(() => readCursor(Buffer.from('[1, 2]').toString('base64url'), ['integer', 'integer'])).toThrow(AppError);
  });
});
