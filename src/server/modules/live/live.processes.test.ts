import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo.data.ts';
import { cleanUpChildren, makeTempDir } from '../../test/children.ts';
import { freePort, type ServerChild, signInWithPassword, spawnServer, waitServerReady } from '../../test/servers.ts';
import { openSse, type SseStream } from '../../test/sse.client.ts';
import { createPostgresDatabase } from '../../test/own-database.ts';
import { waitFor } from '../../test/wait.ts';

const url = process.env.DATABASE_URL;
const streams: SseStream[] = [];
let database: { url: string; drop: () => Promise<void> } | undefined;

afterEach(async () => {
  for (const stream of streams) stream.close();
  await cleanUpChildren();
});
afterAll(async () => {
  await database?.drop();
});

async function post(server: ServerChild, cookie: string, path: string, body: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text);
}

/** Two `npm start` processes on one PostgreSQL: LISTEN/NOTIFY carries an event from one to the other (PGlite has one process: skipped). */
describe.skipIf(!url)('live updates across server processes on one PostgreSQL', { timeout: 900_000 }, () => {
  it("delivers an event raised in one process to a client of the other, and a sign-out in one closes the other's stream", async () => {
    database = await createPostgresDatabase(url!, 'live');
    const env = { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(24).toString('hex'), PORTICO_DEMO: '1' };
    // The first migrates and seeds; the second starts on the ready database.
    const a = spawnServer(await freePort(), { ...env, DATA_DIR: makeTempDir('portico-live-a-') });
    await waitServerReady(a);
    const b = spawnServer(await freePort(), { ...env, DATA_DIR: makeTempDir('portico-live-b-') });
    await waitServerReady(b);

    const owner = await signInWithPassword(a.url, 'olivia.owner@northwind.example', DEMO_PASSWORD);
    const onB = await openSse(`${b.url}/api/events`, { cookie: owner });
    const onA = await openSse(`${a.url}/api/events`, { cookie: owner });
    streams.push(onA, onB);
    expect([onA.status, onB.status]).toEqual([200, 200]);
    await waitFor(() => onA.comments.includes('ready') && onB.comments.includes('ready'), { message: 'both streams ready' });

    // A change made through process A…
    const engagements = await (await fetch(`${a.url}/api/engagements`, { headers: { cookie: owner } })).json();
    const engagement = (engagements.items as Array<{ id: string; status: string }>).find((e) => e.status === 'active')!;
    const contract = await post(a, owner, '/api/contracts', {
      engagementId: engagement.id,
      title: 'Two processes',
      scopeHtml: '<p>Heard everywhere.</p>',
      rateType: 'milestone',
      rateAmountMinor: 100_000,
      currency: 'EUR',
      startDate: '2026-01-01',
      endDate: '2027-06-30',
      ipClause: 'Assigned on payment.',
      noticePeriodDays: 14,
    });
    await post(a, owner, `/api/contracts/${contract.id}/activate`, {});
    // …reaches the stream on process B, and the one on A.
    const heard = (s: SseStream) => s.messages().some((m) => m.subjectId === contract.id && m.kind === 'status.changed');
    await waitFor(() => heard(onB) && heard(onA), { message: 'the contract event on both processes' });
    expect(onB.messages().find((m) => m.subjectId === contract.id)!.id).toBe(onA.messages().find((m) => m.subjectId === contract.id)!.id);

    // Signing out on A ends the session: B's stream closes (session_invalidations, polled every 2 s).
    const out = await post(a, owner, '/api/auth/sign-out', {});
    expect(out).toBeTruthy();
    await waitFor(() => onB.ended && onA.ended, { message: 'both streams to close after the sign-out' });
  });
});
