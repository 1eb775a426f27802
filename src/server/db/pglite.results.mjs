// The rows of one statement read straight from PostgreSQL's answer (the wire protocol's bytes), on
// the main thread: the PGlite thread sends the answer's bytes as they are (isPlainAnswer), which
// costs neither thread a copy of every row. PGlite's own reader copies every field of every row
// into a new ArrayBuffer before decoding it: ~2 µs a value. This one decodes each field in place.
// What it returns is what PGlite's parse.parseResults returns for the same answer (rows, fields,
// command, affectedRows, rowCount; see pglite.results.test.ts). Plain JavaScript: the worker
// (pglite.worker.mjs) imports it too.

import { Buffer } from 'node:buffer';
import { types } from '@electric-sql/pglite';

const decoder = new TextDecoder();

/**
 * Answers up to this size are read as one Latin-1 string first, and each ASCII value is cut from
 * it (~30 ns a value, against ~90 ns for decoding each value on its own). A value cut from it
 * keeps the whole string alive while it lives, so larger answers decode value by value.
 */
const WHOLE_ANSWER_MAX = 64 * 1024;

/** Whether bytes[from, to) are all ASCII: then their Latin-1 and UTF-8 readings are the same string. */
function isAsciiRange(bytes, from, to) {
  for (let i = from; i < to; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

/** The array types of the database, as PGlite reads them when it starts: each element type and its array type. */
export const ARRAY_TYPES_SQL = `
  select b.oid, b.typarray
  from pg_catalog.pg_type a
  left join pg_catalog.pg_type b on b.oid = a.typelem
  where a.typcategory = 'A'
  group by b.oid, b.typarray
  order by b.oid`;

/**
 * PGlite's table of parsers (its `db.parsers`), made away from PGlite: its parsers by type, and
 * for each array type one that parses the elements with its element type's parser.
 * @param {Array<[number, number]>} arrayTypes element type, array type (ARRAY_TYPES_SQL's rows)
 */
export function pgliteParsers(arrayTypes) {
  const parsers = { ...types.parsers };
  for (const [element, array] of arrayTypes) parsers[array] = (value) => types.arrayParser(value, parsers[element], array);
  return parsers;
}

/** The messages readResult reads: parse, bind and close done, no data, ready, notices, rows and their description, command done. */
const PLAIN_MESSAGES = new Set([0x31, 0x32, 0x33, 0x6e, 0x5a, 0x4e, 0x54, 0x44, 0x43]);

/**
 * Whether readResult reads this answer: no error, notification or message of another kind. Reads
 * only each message's type and length.
 * @param {Uint8Array} bytes
 */
export function isPlainAnswer(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < bytes.length; at += 1 + view.getInt32(at + 1)) if (!PLAIN_MESSAGES.has(bytes[at])) return false;
  return true;
}

/**
 * The first statement's result in `bytes` (a bind, describe, execute, sync exchange), or null when
 * the answer holds an error, a notification or a message of another kind: PGlite's reader reads those.
 * @param {Uint8Array} bytes
 * @param {Record<number, (value: string, typeId: number) => unknown>} parsers
 * @param {'array' | 'object' | undefined} rowMode
 */
export function readResult(bytes, parsers, rowMode) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  /** @type {{ name: string; dataTypeID: number }[]} */
  let fields = [];
  /** @type {((value: string, typeId: number) => unknown)[]} */
  let fieldParsers = [];
  const rows = [];
  /** The answer read byte for byte as Latin-1 (message framing included), or null when it is too large. */
  const whole = bytes.length <= WHOLE_ANSWER_MAX ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : null;
  /** The statement's result, once its CommandComplete is read (a notification may still follow). */
  let result = null;
  let at = 0;
  while (at < bytes.length) {
    const type = bytes[at];
    const length = view.getInt32(at + 1);
    const body = at + 5;
    const end = at + 1 + length;
    switch (type) {
      case 0x31: // ParseComplete
      case 0x32: // BindComplete
      case 0x33: // CloseComplete
      case 0x6e: // NoData
      case 0x5a: // ReadyForQuery
      case 0x4e: // NoticeResponse (PGlite logs these only when debugging)
        break;
      case 0x54: {
        // RowDescription: per field its name, table, column, type, size, modifier and format.
        const count = view.getInt16(body);
        fields = [];
        fieldParsers = [];
        let p = body + 2;
        for (let i = 0; i < count; i++) {
          const nameEnd = bytes.indexOf(0, p);
          const name = decoder.decode(bytes.subarray(p, nameEnd));
          const dataTypeID = view.getInt32(nameEnd + 7);
          fields.push({ name, dataTypeID });
          fieldParsers.push(parsers[dataTypeID]);
          p = nameEnd + 19;
        }
        break;
      }
      case 0x44: {
        // DataRow: per column a length (-1 for NULL) and the value as text.
        const count = view.getInt16(body);
        const values = new Array(count);
        let p = body + 2;
        for (let i = 0; i < count; i++) {
          const size = view.getInt32(p);
          p += 4;
          if (size < 0) {
            values[i] = null;
            continue;
          }
          const text =
            whole !== null && isAsciiRange(bytes, p, p + size) ? whole.substring(p, p + size) : decoder.decode(bytes.subarray(p, p + size));
          p += size;
          const parse = fieldParsers[i];
          values[i] = parse ? parse(text, fields[i].dataTypeID) : text;
        }
        if (rowMode === 'array') rows.push(values);
        else {
          const row = {};
          for (let i = 0; i < count; i++) row[fields[i].name] = values[i];
          rows.push(row);
        }
        break;
      }
      case 0x43: {
        // CommandComplete: "SELECT 3", "INSERT 0 1", "UPDATE 2"…
        const words = decoder.decode(bytes.subarray(body, end - 1)).split(' ');
        const command = words[0];
        const count = Number.parseInt(words[words.length - 1], 10);
        const counted = ['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(command);
        result = { rows, fields, command, affectedRows: counted ? count : 0 };
        if (!Number.isNaN(count)) result.rowCount = count;
        break;
      }
      default:
        // An error, a notification or anything unexpected: PGlite's reader handles it.
        return null;
    }
    at = end;
  }
  return result;
}
