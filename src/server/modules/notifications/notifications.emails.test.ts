import { eq, inArray } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails, notifications, users } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { createId } from '../../lib/ids.ts';
import { createLogger } from '../../lib/logger.ts';
import { createMailer } from '../../lib/mailer.ts';
import { type Queue, startQueue } from '../../lib/queue.ts';
import { createOwnTestApp, type OwnTestApp } from '../../test/own-database.ts';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy, startEmailDelivery } from './notifications.delivery.ts';
import {
  emailPendingNotifications,
  type NotificationEmailOptions,
  sendDailyDigests,
  startNotificationEmails,
} from './notifications.emails.ts';
import { verifyReplyAddress } from './notifications.reply.ts';
import { COALESCE_SECONDS, connectOutbox, notify, queueEmail } from './notifications.service.ts';

/**
 * A compressed clock: every duration of a running server divided by SCALE (the 3-minute
 * coalescing window is 3 s here, a minute of SMTP outage is 1 s). pg-boss, the database and the
 * SMTP server are real; only the waits are shorter.
 */
const SCALE = 60;
const policy = Object.fromEntries(
  Object.entries(DEFAULT_DELIVERY_POLICY).map(([k, ms]) => [k, Math.round(ms / SCALE)]),
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

describe('emails about notifications', () => {
  let t: OwnTestApp;
  let sink: SmtpSink;
  let queue: Queue;
  const options = (): NotificationEmailOptions => ({
    publicUrl: t.config.publicUrl,
    secret: 'emails-test-secret-of-at-least-32-chars',
    replyDomain: 'reply.portico.test',
  });
  const receivedBy = (address: string) => sink.received.filter((m) => m.to.includes(address.toLowerCase()));
  const tell = (w: World, userIds: string[], type: string, title: string, link: string) =>
    runInTransaction(t.db, (tx) => notify(tx, { userIds, type, title, body: `About ${title}.`, link, organizationId: w.orgA }));

  beforeAll(async () => {
    t = await createOwnTestApp();
    sink = await startSmtpSink();
    queue = await startQueue(t.database.raw, createLogger('silent'));
    await startEmailDelivery(queue, t.db, createMailer(sink.url, 'Portico <portico@example.test>'), { policy, sweepCron: null });
    await startNotificationEmails(queue, t.db, { ...options(), digestCron: null });
    connectOutbox(queue, { coalesceSeconds: COALESCE_SECONDS / SCALE });
  }, 300_000);
  afterAll(async () => {
    connectOutbox(null);
    await queue?.stop();
    await sink?.close();
    await t?.dispose();
  }, 120_000);

  it('sends one email for a burst, without what was read in the app meanwhile, with text, links, the organization and the preferences', async () => {
    const w = await createWorld(t);
    const milestoneId = createId();
    await tell(w, [w.xAdmin.userId], 'milestone.approved', 'Approved: Logo', `/portal/milestones/${milestoneId}`);
    await tell(w, [w.xAdmin.userId], 'payment.sent', 'Payment sent', `/portal/payments/${createId()}`);
    await tell(w, [w.xAdmin.userId], 'milestone.changes_requested', 'Changes requested: Palette', `/portal/milestones/${createId()}`);
    await tell(w, [w.xAdmin.userId], 'invoice.approved', 'Seen in the app', `/portal/invoices/${createId()}`);
    const [seen] = await t.db.select().from(notifications).where(eq(notifications.title, 'Seen in the app'));
    expect((await clientFor(t, w.xAdmin).post(`/api/notifications/${seen!.id}/read`)).statusCode).toBe(200);
    const [message] = await waitFor(() => (receivedBy(w.xAdmin.email).length ? receivedBy(w.xAdmin.email) : undefined));
    const parsed = await simpleParser(message!.raw);
    expect(parsed.subject).toBe(`3 updates at Org A ${w.suffix}`);
    expect(parsed.text).toContain(`Approved: Logo. About Approved: Logo. (${t.config.publicUrl}/portal/milestones/${milestoneId})`);
    expect(parsed.text).toContain('Payment sent');
    expect(parsed.text).not.toContain('Seen in the app');
    expect(parsed.text).toContain(`${t.config.publicUrl}/portal/notifications/settings`);
    expect(parsed.text).toContain(`Org A ${w.suffix}`);
    expect(parsed.html).toContain('Changes requested: Palette');
    // Nothing else comes: the window closed with one email; a second run finds nothing to send.
    expect(await emailPendingNotifications(t.db, options(), w.xAdmin.userId)).toBe(0);
    const rows = await t.db.select().from(emails).where(eq(emails.toAddress, w.xAdmin.email));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.dedupeKey).toMatch(new RegExp(`^notifications:${w.xAdmin.userId}:`));
  });

  it('emails nothing for a kind set to the app only, and sends the daily digest once to who chose it', async () => {
    const w = await createWorld(t);
    const office = clientFor(t, w.xOffice);
    expect(
      (
        await office.request(
          'PATCH',
          '/api/notifications/settings',
          { emailSchedule: 'daily', channels: { job: 'in_app' } },
          { headers: { 'if-match': '"0"' } },
        )
      ).statusCode,
    ).toBe(200);
    await tell(w, [w.xOffice.userId], 'milestone.approved', 'Approved: Brief', `/portal/milestones/${createId()}`);
    await tell(w, [w.xOffice.userId], 'job.assigned', 'Job 7 assigned', `/portal/jobs/${createId()}`);
    // The batch job leaves a daily reader's notifications for the digest.
    expect(await emailPendingNotifications(t.db, options(), w.xOffice.userId)).toBe(0);
    expect(await sendDailyDigests(t.db, options())).toBeGreaterThanOrEqual(1);
    const [digest] = await waitFor(() => (receivedBy(w.xOffice.email).length ? receivedBy(w.xOffice.email) : undefined));
    const parsed = await simpleParser(digest!.raw);
    expect(parsed.subject).toBe(`Your day in Portico at Org A ${w.suffix}: 1 update`);
    expect(parsed.text).toContain('Approved: Brief');
    expect(parsed.text).not.toContain('Job 7');
    await sendDailyDigests(t.db, options());
    expect(await t.db.select().from(emails).where(eq(emails.toAddress, w.xOffice.email))).toHaveLength(1);
  });

  it('gives an email about a message a Reply-To address for that thread and that person', async () => {
    const w = await createWorld(t);
    await tell(w, [w.xAdmin.userId, w.xOffice.userId], 'message.received', 'New message from Org A', `/portal/messages/${w.engagementAX}`);
    const [row] = await waitFor(async () => {
      const found = await t.db.select().from(emails).where(eq(emails.toAddress, w.xAdmin.email));
      return found[0]?.status === 'sent' ? found : undefined;
    });
    const check = verifyReplyAddress(options().secret, row!.replyTo ?? '');
    expect(check).toMatchObject({ ok: true, claims: { threadId: w.engagementAX, userId: w.xAdmin.userId } });
    const parsed = await simpleParser(receivedBy(w.xAdmin.email)[0]!.raw);
    expect(parsed.replyTo?.value[0]?.address).toBe(row!.replyTo);
    expect(parsed.text).toContain('Reply to this email to answer in the thread.');
    const [other] = await waitFor(() =>
      t.db
        .select()
        .from(emails)
        .where(eq(emails.toAddress, w.xOffice.email))
        .then((r) => (r.length ? r : undefined)),
    );
    expect(other?.replyTo).not.toBe(row!.replyTo);
  });

  it('delivers each of a burst of 20 exactly once after the SMTP server was down for a minute', async () => {
    const w = await createWorld(t);
    const people = Array.from({ length: 20 }, (_, i) => ({
      id: createId(),
      email: `burst.${i}.${w.suffix}@example.test`,
      name: `Burst ${i}`,
    }));
    await t.db.insert(users).values(people.map((p) => ({ ...p, emailVerified: true })));
    await sink.stop();
    let downMs = 0;
    try {
      const since = Date.now();
      for (const p of people) await tell(w, [p.id], 'payment.sent', 'Payment sent', `/portal/payments/${createId()}`);
      // Down for at least a minute on the compressed clock, and until each email was refused at least twice.
      await new Promise((r) => setTimeout(r, 60_000 / SCALE));
      await waitFor(async () => {
        const rows = await t.db
          .select()
          .from(emails)
          .where(
            inArray(
              emails.toAddress,
              people.map((p) => p.email),
            ),
          );
        return rows.length === 20 && rows.every((r) => r.attempts >= 2 && r.status === 'queued');
      });
      downMs = Date.now() - since;
    } finally {
      await sink.start();
    }
    const rows = await waitFor(async () => {
      const found = await t.db
        .select()
        .from(emails)
        .where(
          inArray(
            emails.toAddress,
            people.map((p) => p.email),
          ),
        );
      return found.length === 20 && found.every((r) => r.status === 'sent') ? found : undefined;
    });
    // The composing job ran again meanwhile for some (pg-boss retries, the sweeper): still one email per person.
    for (const p of people) expect(await emailPendingNotifications(t.db, options(), p.id)).toBe(0);
    await runInTransaction(t.db, (tx) =>
      queueEmail(tx, people[0]!.email, { subject: 'x', heading: 'x', paragraphs: [] }, { dedupeKey: rows[0]!.dedupeKey! }),
    );
    await new Promise((r) => setTimeout(r, 0));
    const received = sink.received.filter((m) => people.some((p) => m.to.includes(p.email)));
    expect(received).toHaveLength(20);
    expect(new Set(received.map((m) => m.to[0])).size).toBe(20);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(20);
    expect(
      await t.db
        .select()
        .from(emails)
        .where(
          inArray(
            emails.toAddress,
            people.map((p) => p.email),
          ),
        ),
    ).toHaveLength(20);
    console.log(
      `burst: 20 notifications, SMTP down ${downMs} ms (≥ 1 min at 1/${SCALE}), ${Math.max(...rows.map((r) => r.attempts))} attempts at most, 20 delivered, 0 twice`,
    );
  }, 300_000);
});
