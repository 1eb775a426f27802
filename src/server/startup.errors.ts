import { ConfigError } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';

interface SystemError {
  code?: unknown;
  syscall?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

const connectCauses: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
};

/** PostgreSQL's answers that mean "you reached me, but cannot use me" (class 28: authorization, 3D000: no such database). */
const refusedByServer = /^(28|3D)/;

/** The errors of an error, its causes and its AggregateError members, nearest first. */
function* chainOf(error: unknown, depth = 0): Generator<SystemError> {
  if (!error || typeof error !== 'object' || depth > 5) return;
  const current = error as SystemError;
  yield current;
  if (Array.isArray(current.errors)) for (const inner of current.errors) yield* chainOf(inner, depth + 1);
  yield* chainOf(current.cause, depth + 1);
}

/** Host and port from a postgres:// URL, for the message (never the password). */
function hostOf(databaseUrl: string | undefined): string | undefined {
  if (!databaseUrl) return undefined;
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  } catch {
    return undefined;
  }
}

/**
 * One line for a start-up failure a person can fix (port taken, database unreachable, bad
 * setting, data directory in use), or undefined for a real bug, which keeps its stack.
 */
export function describeStartupError(error: unknown, settings: { databaseUrl?: string; port?: number; host?: string }): string | undefined {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) return error.message;
  for (const e of chainOf(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (e.syscall === 'listen' && (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')) {
      const where = `${settings.host ?? e.address}:${settings.port ?? e.port}`;
      const cause =
        code === 'EADDRINUSE'
          ? 'the port is already in use (is Portico already running?); stop that program or set PORT'
          : code === 'EACCES'
            ? 'permission denied; choose a PORT above 1023'
            : `the address is not available on this machine; check HOST`;
      return `portico: cannot listen on ${where}: ${cause}`;
    }
    if (connectCauses[code] && (e.syscall === 'connect' || e.syscall === 'getaddrinfo' || code === 'ECONNRESET')) {
      const where = hostOf(settings.databaseUrl) ?? (e.address ? `${e.address}:${e.port}` : String(e.hostname ?? 'its host'));
      return `portico: cannot reach PostgreSQL at ${where}: ${connectCauses[code]}`;
    }
    if (refusedByServer.test(code) && settings.databaseUrl) {
      const message = typeof e.message === 'string' ? e.message : code;
      return `portico: PostgreSQL at ${hostOf(settings.databaseUrl)} refused the connection: ${message}`;
    }
  }
  return undefined;
}
