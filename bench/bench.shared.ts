/** What bench/run.ts and the bench server process share. */
export const PUBLIC_URL = 'http://bench.local';

export interface Session {
  cookie: string;
  context: string;
}

export interface BenchServerInfo {
  db: 'pglite' | 'postgres';
  appPort: number;
  basePort: number;
  controlPort: number;
  companies: Record<'small' | 'large', { orgId: string; contractorId: string; owner: Session; contractor: Session }>;
}

/**
 * CPU time (ms, user + system) of the server process's threads since it started, from
 * /proc/self/task (Linux): its main thread (the HTTP server and the app), and the busiest of the
 * others (on PGlite, the database's thread; on PostgreSQL the database is another process).
 */
export interface ThreadCpu {
  main: number;
  others: Record<string, number>;
}

/** The CPU a run cost per request on the main thread and on the busiest other thread, from two readings. */
export function cpuPerRequest(before: ThreadCpu, after: ThreadCpu, requests: number): { main: number; other: number } {
  const other = Math.max(0, ...Object.entries(after.others).map(([tid, ms]) => ms - (before.others[tid] ?? 0)));
  return { main: (after.main - before.main) / requests, other: other / requests };
}
