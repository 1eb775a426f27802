import { type ErrorCode, errorCodes, type Problem } from '../../shared/error-codes.ts';

/** The one error type services throw: a stable code, a message for a person, optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Problem['details'];
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, details?: Problem['details'], headers: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.status = errorCodes[code];
    this.details = details;
    this.headers = headers;
  }
}

export function notFound(what = 'This record'): AppError {
  return new AppError('NOT_FOUND', `${what} was not found.`);
}

export function forbidden(message = 'You are not allowed to do this.'): AppError {
  return new AppError('FORBIDDEN', message);
}

export function badField(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${path}: ${message}`, { fieldErrors: [{ path, message }] });
}

/** The SQLSTATE of a database error, however deep the drivers wrapped it (`cause`). */
export function findPgCode(error: unknown): string | undefined {
  let current = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = current.cause as typeof current;
  }
  return undefined;
}
