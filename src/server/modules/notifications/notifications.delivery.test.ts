import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, emails } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { createLogger } from '../../lib/logger.ts';
import { createMailer } from '../../lib/mailer.ts';
import { type Queue, startQueue } from '../../lib/queue.ts';
import { createOwnTestApp, type OwnTestApp } from '../../test/own-database.ts';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';
import {
  computeRetryDelay,
  DEFAULT_DELIVERY_POLICY,
  type DeliveryPolicy,
  deliverEmail,
  startEmailDelivery,
  sweepEmails,
} from './notifications.delivery.ts';
import { connectOutbox, queueEmail } from './notifications.service.ts';

/**
 * The delivery schedule on a compressed clock: every duration of the real policy divided by
 * SCALE, so one second here stands for one minute of a running server. pg-boss and the SMTP
 * server are real; only the waits are shorter.
 */
const SCALE = 60;
const compressed: DeliveryPolicy = Object.fromEntries(
  Object.entries(DEFAULT_DELIVERY_POLICY).map(([key, ms]) => [key, Math.round(ms / SCALE)]),
) as unknown as DeliveryPolicy;

async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, ms = 120_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting');
}

const burst = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}.${i}.${crypto.randomUUID().slice(0, 8)}@example.test`);

describe('email delivery through SMTP outages and refusals', () => {
  let t: OwnTestApp;
  let w: World;
  let sink: SmtpSink;
  let queue: Queue;
  const mailerFor = (s: SmtpSink) => createMailer(s.url, 'Portico <portico@example.test>');

  const rowsTo = (addresses: string[]) => t.db.select().from(emails).where(inArray(emails.toAddress, addresses));
  const startDelivery = async () => {
    queue = await startQueue(t.database.raw, createLogger('silent'));
    await startEmailDelivery(queue, t.db, mailerFor(sink), { policy: compressed, sweepCron: null });
    connectOutbox(queue);
  };

  beforeAll(async () => {
    t = await createOwnTestApp();
    w = await createWorld(t);
    sink = await startSmtpSink();
    await startDelivery();
  }, 300_000);
  afterAll(async () => {
    connectOutbox(null);
    await queue?.stop();
    await sink?.close();
    await t?.dispose();
  }, 120_000);

  it('retries during the first hour at most a minute apart, then less often, and gives up after a day', () => {
    const p = DEFAULT_DELIVERY_POLICY;
    const delays = Array.from({ length: 60 }, (_, i) => computeRetryDelay(p, i + 1, i * 60_000, () => 1));
    expect(delays.slice(0, 4)).toEqual([10_000, 20_000, 40_000, 60_000]);
    expect(Math.max(...delays)).toBe(60_000);
    expect(computeRetryDelay(p, 40, 2 * 3_600_000, () => 1)).toBe(600_000);
    expect(computeRetryDelay(p, 3, 0, () => 0)).toBe(30_000);
    expect(p.giveUpAfterMs).toBe(24 * 3_600_000);
  });

  it('delivers a burst of 20 emails exactly once after a 15-minute SMTP outage, within 2 minutes of its return', async () => {
    const outageMs = (15 * 60_000) / SCALE;
    let downMs = 0;
    const addresses = burst('outage', 20);
    await sink.stop();
    try {
      for (const address of addresses)
        await runInTransaction(t.db, (tx) =>
          queueEmail(tx, address, { subject: `Hello ${address}`, heading: 'Hello', paragraphs: ['During an outage'] }),
        );
      // 15 minutes on the compressed clock, with the server down for all of it, counted from the last email of the burst.
      const downSince = Date.now();
      await new Promise((r) => setTimeout(r, outageMs));
      // …and until each was tried and refused at least twice (a busy machine gets through fewer rounds).
      const during = await waitFor(async () => {
        const rows = await rowsTo(addresses);
        return rows.every((r) => r.attempts >= 2) ? rows : undefined;
      });
      downMs = Date.now() - downSince;
      expect(during.every((r) => r.status === 'queued')).toBe(true);
      expect(during[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await sink.start();
    }
    const returned = Date.now();
    await waitFor(async () => (await rowsTo(addresses)).every((r) => r.status === 'sent'));
    const deliveredAfterMs = Date.now() - returned;
    const received = sink.received.filter((m) => addresses.some((a) => m.to.includes(a)));
    expect(received).toHaveLength(20);
    expect(new Set(received.map((m) => m.to[0])).size).toBe(20);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(20);
    const rows = await rowsTo(addresses);
    for (const row of rows) expect(received.find((m) => m.to[0] === row.toAddress)?.messageId).toBe(`<${row.id}@example.test>`);
    // On the compressed clock, 2 minutes are 2 s; sending itself is not compressed, so allow for a busy machine.
    expect(deliveredAfterMs).toBeLessThan(120_000);
    console.log(
      `outage: 20 emails, ${downMs} ms down (at least 15 min at 1/${SCALE}), ${Math.max(...rows.map((r) => r.attempts))} attempts at most, all delivered ${deliveredAfterMs} ms after the return, ${received.length - 20} duplicates`,
    );
  }, 300_000);

  it('fails an email at once on a 5xx, shows it on the delivery page, and resends it', async () => {
    const address = `refused.${w.suffix}@example.test`;
    sink.refuse(address, 550, 'No such mailbox here');
    const owner = clientFor(t, w.aOwner);
    expect((await owner.post('/api/invitations/staff', { name: 'Refused Person', email: address, role: 'viewer' })).statusCode).toBe(201);
    const [failed] = await waitFor(async () => {
      const found = await rowsTo([address]);
      return found[0]?.status === 'failed' ? found : undefined;
    });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, organizationId: w.orgA });
    expect(failed?.lastError).toMatch(/550/);

    const page = await owner.get('/api/organizations/current/emails?status=failed');
    expect(page.statusCode).toBe(200);
    const item = page.json().items.find((i: { id: string }) => i.id === failed!.id);
    expect(item).toMatchObject({ to: address, status: 'failed', attempts: 1, abilities: { resend: true } });
    expect(item.lastError).toMatch(/No such mailbox/);
    expect(page.json().counts.failed).toBeGreaterThanOrEqual(1);
    expect((await clientFor(t, w.aAdmin).get('/api/organizations/current/emails')).statusCode).toBe(200);
    expect((await clientFor(t, w.aManager).get('/api/organizations/current/emails')).statusCode).toBe(403);
    expect((await clientFor(t, w.xAdmin).get('/api/organizations/current/emails')).statusCode).toBe(404);
    expect((await clientFor(t, w.aManager).post(`/api/emails/${failed!.id}/resend`)).statusCode).toBe(403);
    expect((await clientFor(t, w.bOwner).post(`/api/emails/${failed!.id}/resend`)).statusCode).toBe(404);

    sink.allow(address);
    const resent = await owner.post(`/api/emails/${failed!.id}/resend`);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ status: 'queued', failedAt: null });
    await waitFor(async () => (await rowsTo([address]))[0]?.status === 'sent');
    expect(sink.received.filter((m) => m.to.includes(address))).toHaveLength(1);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'email.resent'), eq(auditEvents.entityId, failed!.id)));
    expect(audit).toMatchObject({ organizationId: w.orgA, actorUserId: w.aOwner.userId });
    expect((await owner.post(`/api/emails/${failed!.id}/resend`)).statusCode).toBe(409);
    const after = await owner.get('/api/organizations/current/emails');
    expect(after.json().items.map((i: { id: string }) => i.id)).not.toContain(failed!.id);
  });

  it('retries a 4xx answer, and fails with the reason once the retry window is over', async () => {
    const [address] = burst('greylisted', 1) as [string];
    sink.refuse(address, 451, 'Greylisted, try again later');
    connectOutbox(null);
    try {
      await runInTransaction(t.db, (tx) => queueEmail(tx, address, { subject: 'Later', heading: 'Later', paragraphs: ['-'] }));
    } finally {
      connectOutbox(queue);
    }
    const [row] = await rowsTo([address]);
    const mailer = mailerFor(sink);
    const first = await deliverEmail(t.db, mailer, row!.id, compressed);
    expect(first).toMatchObject({ status: 'retry' });
    expect((await rowsTo([address]))[0]).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await rowsTo([address]))[0]?.lastError).toMatch(/451/);
    // Past the window: the same temporary answer is now final.
    await t.db.update(emails).set({ queuedAt: sql`now() - interval '2 days'`, nextAttemptAt: sql`now()` }).where(eq(emails.id, row!.id));
    expect(await deliverEmail(t.db, mailer, row!.id, compressed)).toEqual({ status: 'failed' });
    const [final] = await rowsTo([address]);
    expect(final).toMatchObject({ status: 'failed', attempts: 2 });
    expect(final?.lastError).toMatch(/^gave up after 2 attempts: .*451/);
    expect(await deliverEmail(t.db, mailer, row!.id, compressed)).toEqual({ status: 'skipped' });
  });

  it('requeues an email left queued by a crash between commit and enqueue (the sweeper)', async () => {
    const [stranded, fresh] = burst('stranded', 2) as [string, string];
    connectOutbox(null);
    try {
      for (const address of [stranded, fresh])
        await runInTransaction(t.db, (tx) => queueEmail(tx, address, { subject: 'Stranded', heading: 'Stranded', paragraphs: ['-'] }));
    } finally {
      connectOutbox(queue);
    }
    // The crash was 10 minutes ago; the fresh one may still get its job from the process that queued it.
    await t.db.update(emails).set({ nextAttemptAt: sql`now() - interval '10 minutes'` }).where(eq(emails.toAddress, stranded));
    expect(await sweepEmails(t.db, queue, DEFAULT_DELIVERY_POLICY.sweepAfterMs)).toBe(1);
    await waitFor(async () => (await rowsTo([stranded]))[0]?.status === 'sent');
    expect((await rowsTo([fresh]))[0]?.status).toBe('queued');
    expect(await sweepEmails(t.db, queue, 0)).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await rowsTo([fresh]))[0]?.status === 'sent');
    expect(sink.received.filter((m) => m.to.includes(stranded) || m.to.includes(fresh))).toHaveLength(2);
  });

  it('resends after a restart what the previous process left queued', async () => {
    const addresses = burst('restart', 3);
    connectOutbox(null);
    await queue.stop();
    // The server went down right after these committed: no job was ever queued for them.
    for (const address of addresses)
      await runInTransaction(t.db, (tx) =>
        queueEmail(tx, address, { subject: 'After restart', heading: 'After restart', paragraphs: ['-'] }),
      );
    await startDelivery();
    await waitFor(async () => (await rowsTo(addresses)).every((r) => r.status === 'sent'));
    expect(sink.received.filter((m) => addresses.some((a) => m.to.includes(a)))).toHaveLength(3);
  });
});
