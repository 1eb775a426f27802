import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

interface IssueLike {
  code?: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  input?: unknown;
}

/** Plain-language messages for Zod's generic issues; messages written in a schema win. */
export function describeIssue(issue: IssueLike): string | undefined {
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'Enter a valid email address, like name@example.com.';
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1 ? 'This field is required.' : `Use at least ${issue.minimum} characters.`;
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return `Use at most ${issue.maximum} characters.`;
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) return 'This field is required.';
  if (issue.code === 'invalid_value') return 'Choose one of the options.';
  return undefined;
}

/** A react-hook-form resolver for a shared Zod schema, with readable messages. */
export function resolveWith<S extends z.ZodType<FieldValues, FieldValues>>(schema: S): Resolver<z.input<S>, unknown, z.output<S>> {
  return zodResolver(schema, { error: (issue: IssueLike) => describeIssue(issue) }) as unknown as Resolver<
    z.input<S>,
    unknown,
    z.output<S>
  >;
}
