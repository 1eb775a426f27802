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
