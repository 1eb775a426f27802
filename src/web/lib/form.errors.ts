import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { describeError, isApiError } from './api.client.ts';

/** `body.email` → `email`; `newPassword` stays `newPassword`. */
export function toFieldName(path: string): string {
  return path.replace(/^(body|query|params)\./, '');
}

/**
 * Puts the server's field errors next to the matching fields.
 * Returns the message still to show (in an alert or toast), or null when every error found its field.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  rename: Partial<Record<string, Path<T>>> = {},
): string | null {
  if (!isApiError(error) || error.fieldErrors.length === 0) return describeError(error);
  let unmatched = false;
  for (const problem of error.fieldErrors) {
    const name = toFieldName(problem.path);
    const field = rename[name] ?? (fields as readonly string[]).find((f) => f === name);
    if (field) setError(field as Path<T>, { type: 'server', message: problem.message }, { shouldFocus: true });
    else unmatched = true;
  }
  return unmatched ? describeError(error) : null;
}
