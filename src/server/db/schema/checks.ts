import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { currencyCodes } from '../../../shared/domain/currencies.ts';

/** `column in ('a', 'b', …)`, the list taken from a shared array so the database and the code agree. */
export function isOneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
  return sql`${column} in (${sql.raw(list)})`;
}

/** The column holds an ISO 4217 code of the shared table. */
export function isCurrencyCode(column: AnyPgColumn): SQL {
  return isOneOf(column, currencyCodes);
}

/** Money is a positive whole number of minor units. */
export function isPositive(column: AnyPgColumn): SQL {
  return sql`${column} > 0`;
}

/** Every element of a text[] column is one of the shared list (an empty array passes). */
export function allOneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
  return sql`${column} <@ array[${sql.raw(list)}]::text[]`;
}
