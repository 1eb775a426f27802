import type { z } from 'zod';
import { UsageError } from './cli.args.ts';

/** Checks a flag's value with the same shared Zod schema the API uses; a bad value is bad usage. */
export function checkFlag<T extends z.ZodType>(schema: T, value: string, flag: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${flag}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
  return parsed.data;
}

/** Checks an API input built from flags; `flags` names the flag behind each field, for the message. */
export function checkFlags<T extends z.ZodType>(schema: T, value: unknown, flags: Record<string, string>): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  throw new UsageError(`--${flags[field] ?? field}: ${issue?.message ?? 'invalid value'}`);
}
