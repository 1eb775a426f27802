/* The access matrix's event-stream helpers (GET /api/events). */
import { eq, or, sql } from 'drizzle-orm';
import { liveEvents } from '../db/schema/index.ts';
import type { TestApp } from './test-app.ts';
import type { clientFor, World } from './world.ts';

/** The first live event of A's and X's scene: an attacker resuming from it must be replayed nothing of theirs. */
export async function firstLiveEventOf(t: TestApp, w: World): Promise<string> {
  const [row] = await t.db
    .select({ id: sql<string>`min(${liveEvents.id})` })
    .from(liveEvents)
    .where(or(eq(liveEvents.organizationId, w.orgA), eq(liveEvents.contractorId, w.contractorX)));
  return String(row?.id);
}

/** An event stream through inject: the status, and what it sent until it was caught up (`: ready`); then it is closed. */
export async function readStream(client: ReturnType<typeof clientFor>, url: string): Promise<{ statusCode: number; body: string }> {
  const res = await client.request('GET', url, undefined, { payloadAsStream: true });
  if (res.statusCode !== 200) return { statusCode: res.statusCode, body: res.body };
  let body = '';
  for await (const chunk of res.stream()) {
    body += String(chunk);
    if (body.includes(': ready')) break;
  }
  (res.raw.res as { destroy(): void }).destroy();
  return { statusCode: res.statusCode, body };
}
