import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { createLogger } from '../../lib/logger.ts';
import { createMailer } from '../../lib/mailer.ts';
import { type Queue, startQueue } from '../../lib/queue.ts';
import { createOwnTestApp, type OwnTestApp } from '../../test/own-database.ts';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';
import { startEmailDelivery } from './notifications.delivery.ts';
import { emailPendingNotifications, type NotificationEmailOptions, startNotificationEmails } from './notifications.emails.ts';
import { connectOutbox, notify, queueEmail } from './notifications.service.ts';

async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting');
}

describe('notifications and email', () => {
  let t: OwnTestApp;
  let w: World;
  let sink: SmtpSink;
  let queue: Queue;
  const options = (): NotificationEmailOptions => ({ publicUrl: t.config.publicUrl, secret: 'test-secret-of-at-least-32-characters!!' });
  /**
   * A deterministic "the queue has passed this point": a marker email queued now has arrived,
   * and due jobs run in the order they were queued, so every job queued before it was handled.
   */
  const waitForQueueToPass = async () => {
    const marker = `marker.${crypto.randomUUID()}@example.test`;
    await runInTransaction(t.db, (tx) => queueEmail(tx, marker, { subject: 'Marker', heading: 'Marker', paragraphs: ['-'] }));
    await waitFor(() => sink.received.some((m) => m.to.includes(marker)));
  };
  beforeAll(async () => {
    t = await createOwnTestApp();
    w = await createWorld(t);
    sink = await startSmtpSink();
    queue = await startQueue(t.database.raw, createLogger('silent'));
    const mailer = createMailer(sink.url, 'Portico <portico@example.test>');
    await startEmailDelivery(queue, t.db, mailer, { sweepCron: null });
    await startNotificationEmails(queue, t.db, { ...options(), digestCron: null });
    connectOutbox(queue, { coalesceSeconds: 1 });
  }, 300_000);
  afterAll(async () => {
    connectOutbox(null);
    await queue?.stop();
    await sink?.close();
    await t?.dispose();
  }, 120_000);

  it('delivers an invitation by a real SMTP conversation, after commit, through the queue', async () => {
    const email = `smtp.${w.suffix}@example.test`;
    const res = await clientFor(t, w.aOwner).post('/api/invitations/staff', { name: 'Sam Smtp', email, role: 'viewer' });
    expect(res.statusCode).toBe(201);
    const message = await waitFor(() => sink.received.find((m) => m.to.includes(email)));
    expect(message.raw).toMatch(/Subject: Join Org A/);
    expect(message.raw).toMatch(/text\/html/);
    expect(message.raw).toMatch(/text\/plain/);
    const [row] = await waitFor(async () => {
      const rows = await t.db.select().from(emails).where(eq(emails.toAddress, email));
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(row?.sentAt).toBeTruthy();
  });

  it('sends nothing when the transaction rolls back', async () => {
    const email = `rollback.${w.suffix}@example.test`;
    await expect(
      runInTransaction(t.db, async (tx) => {
        await queueEmail(tx, email, { subject: 'Never', heading: 'Never', paragraphs: ['never'] });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await waitForQueueToPass();
    expect(sink.received.some((m) => m.to.includes(email))).toBe(false);
    expect(await t.db.select().from(emails).where(eq(emails.toAddress, email))).toEqual([]);
  });

  it('writes in-app notifications in the caller transaction and lists, counts and marks them read', async () => {
    await runInTransaction(t.db, (tx) =>
      notify(tx, { userIds: [w.xAdmin.userId, w.xOffice.userId], type: 'test.hello', title: 'Hello', body: 'Body', link: '/portal' }),
    );
    const admin = clientFor(t, w.xAdmin);
    const list = await admin.get('/api/notifications?unread=true');
    expect(list.json()).toMatchObject({ unread: 1, items: [{ type: 'test.hello', title: 'Hello', readAt: null }] });
    const id = list.json().items[0].id;
    expect((await admin.post(`/api/notifications/${id}/read`)).statusCode).toBe(200);
    expect((await admin.get('/api/notifications')).json().unread).toBe(0);
    expect((await clientFor(t, w.xOffice).post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
    await clientFor(t, w.xOffice).post('/api/notifications/read-all');
    expect((await clientFor(t, w.xOffice).get('/api/notifications')).json().unread).toBe(0);
  });

  it('emails a burst of notifications as one email, after commit, and never twice', async () => {
    const world = await createWorld(t);
    await runInTransaction(t.db, async (tx) => {
      for (const title of ['Approved: Logo', 'Approved: Palette', 'Approved: Guide'])
        await notify(tx, {
          userIds: [world.xAdmin.userId],
          type: 'milestone.approved',
          title,
          body: 'A payment is being prepared.',
          link: '/portal/deliver',
          organizationId: world.orgA,
        });
    });
    const message = await waitFor(() => sink.received.find((m) => m.to.includes(world.xAdmin.email)));
    expect(message.raw).toMatch(/Subject: 3 updates at Org A/);
    expect(message.raw).toContain('Approved: Palette');
    // A second email would need a second row, and one only comes from notifications not emailed yet: none are left.
    expect(await emailPendingNotifications(t.db, options(), world.xAdmin.userId)).toBe(0);
    const rows = await waitFor(async () => {
      const found = await t.db.select().from(emails).where(eq(emails.toAddress, world.xAdmin.email));
      return found.every((r) => r.status === 'sent') ? found : undefined;
    });
    expect(rows).toHaveLength(1);
    await waitForQueueToPass();
    expect(sink.received.filter((m) => m.to.includes(world.xAdmin.email))).toHaveLength(1);
  });

  it('emails a single notification as itself, with a link, and skips ones already read in the app', async () => {
    const world = await createWorld(t);
    connectOutbox(null);
    try {
      await runInTransaction(t.db, (tx) =>
        notify(tx, {
          userIds: [world.xOffice.userId],
          type: 'milestone.changes_requested',
          title: 'Changes requested: Logo',
          body: 'What to change: darker.',
          link: '/portal/milestones/1',
        }),
      );
      await runInTransaction(t.db, (tx) => notify(tx, { userIds: [world.xAdmin.userId], type: 'x', title: 'Seen already', body: '-' }));
      await clientFor(t, world.xAdmin).post('/api/notifications/read-all');
      expect(await emailPendingNotifications(t.db, options(), world.xAdmin.userId)).toBe(0);
      expect(await emailPendingNotifications(t.db, options(), world.xOffice.userId)).toBe(1);
      const [row] = await t.db.select().from(emails).where(eq(emails.toAddress, world.xOffice.email));
      expect(row).toMatchObject({ subject: 'Changes requested: Logo' });
      expect(row?.text).toContain(`${t.config.publicUrl}/portal/milestones/1`);
      expect(row?.text).toContain('What to change: darker.');
    } finally {
      connectOutbox(queue, { coalesceSeconds: 1 });
    }
  });

  it('escapes what people typed in email HTML', async () => {
    const email = `escape.${w.suffix}@example.test`;
    await clientFor(t, w.aOwner).post('/api/invitations/staff', { name: '<script>alert(1)</script>', email, role: 'viewer' });
    const [row] = await t.db.select().from(emails).where(eq(emails.toAddress, email));
    expect(row?.html).not.toContain('<script>');
    expect(row?.html).toContain('&#60;script&#62;');
  });
});
