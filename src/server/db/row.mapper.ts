import { Column, getTableName, is, SQL, Subquery } from 'drizzle-orm';

/** One selected field as Drizzle's prepared select lists it: where it goes in the row object, and what it is. */
type SelectedField = { path: string[]; field: unknown };
type Decoder = { mapFromDriverValue(value: unknown): unknown };
type Rows = unknown[][];

/** The parts of Drizzle's prepared select (pg-core `PgPreparedQuery`, both drivers) this file reads and sets. */
interface PreparedSelect {
  fields?: SelectedField[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: Rows) => unknown;
}

/** An sql`` and its decoder (`.mapWith()`), which Drizzle keeps internal. */
type Decoded = { decoder: Decoder };

/** The field's decoder, found as Drizzle's mapResultRow finds it. */
function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as Decoded).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: Decoded } })._.sql.decoder;
  return (field as unknown as { sql: Decoded }).sql.decoder;
}

interface Slot {
  path: string[];
  /** undefined: the value as the driver read it (a column type or an sql`` without a mapping). */
  decoder?: Decoder;
  /** A column of a joined table selected as an object (`{ payment: payments }`): the table, to null the object when the join found nothing. */
  joinedTable?: string;
}

function slotOf({ path, field }: SelectedField): Slot {
  const decoder = decoderOf(field);
  return {
    path,
    decoder: decoder.mapFromDriverValue === Column.prototype.mapFromDriverValue ? undefined : decoder,
    joinedTable: is(field, Column) && path.length === 2 ? getTableName(field.table) : undefined,
  };
}

/**
 * Drizzle's mapResultRow (drizzle-orm/utils.js) with its decisions made once per statement
 * instead of once per value: which decoder each field has (its `is()` checks walk class chains,
 * ~10% of the main thread on a page of 50 milestones), where the value goes, and which objects
 * are a left join's table. The rows it gives are the same (row.mapper.test.ts holds the two
 * together on queries with joins found and not found, mapped values and subqueries).
 */
function compileRowMapper(fields: SelectedField[], joinsNotNullableMap: Record<string, boolean> | undefined) {
  const slots = fields.map(slotOf);
  const nullable = joinsNotNullableMap !== undefined && slots.some((s) => s.joinedTable !== undefined);
  return (row: unknown[]): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    // Per joined object: the table of its first column when that value was null (it may be
    // nulled), or false; as Drizzle decides it.
    const nullify: Record<string, string | false> | undefined = nullable ? {} : undefined;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const raw = row[i];
      const value = raw === null ? null : slot.decoder ? slot.decoder.mapFromDriverValue(raw) : raw;
      const path = slot.path;
      let node = result;
      for (let depth = 0; depth < path.length - 1; depth++) {
        const key = path[depth]!;
        if (!(key in node)) node[key] = {};
        node = node[key] as Record<string, unknown>;
      }
      node[path[path.length - 1]!] = value;
      if (nullify && slot.joinedTable !== undefined) {
        const objectName = path[0]!;
        const seen = nullify[objectName];
        if (seen === undefined) nullify[objectName] = value === null ? slot.joinedTable : false;
        else if (typeof seen === 'string' && seen !== slot.joinedTable) nullify[objectName] = false;
      }
    }
    if (nullify)
      for (const [objectName, table] of Object.entries(nullify))
        if (typeof table === 'string' && !joinsNotNullableMap![table]) result[objectName] = null;
    return result;
  };
}

/** Gives a prepared Drizzle select the compiled mapper (a select without listed fields keeps Drizzle's). */
export function withCompiledRowMapper<P>(prepared: P): P {
  const select = prepared as PreparedSelect;
  if (select.fields && !select.customResultMapper) {
    const mapRow = compileRowMapper(select.fields, select.joinsNotNullableMap);
    select.customResultMapper = (rows) => rows.map(mapRow);
  }
  return prepared;
}
