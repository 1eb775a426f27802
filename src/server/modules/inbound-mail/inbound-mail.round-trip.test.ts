import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../lib/logger.ts';
import { createMailer } from '../../lib/mailer.ts';
import { type Queue, startQueue } from '../../lib/queue.ts';
import { createOwnTestApp, type OwnTestApp } from '../../test/own-database.ts';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';
import { startEmailDelivery } from '../notifications/notifications.delivery.ts';
import { startNotificationEmails } from '../notifications/notifications.emails.ts';
import { connectOutbox } from '../notifications/notifications.service.ts';
import { type InboundMail, startInboundMail } from './inbound-mail.server.ts';
import { createReplyHandler } from './inbound-mail.service.ts';

const SECRET = 'round-trip-secret-of-at-least-32-characters';
const DOMAIN = 'reply.portico.test';

async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, ms = 120_000): Promise<T> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting');
}

describe('a reply by email, out and back in over real SMTP', () => {
  let t: OwnTestApp;
  let w: World;
  let sink: SmtpSink;
  let queue: Queue;
  let inbound: InboundMail;

  beforeAll(async () => {
    t = await createOwnTestApp();
    w = await createWorld(t);
    sink = await startSmtpSink();
    queue = await startQueue(t.database.raw, createLogger('silent'));
    await startEmailDelivery(queue, t.db, createMailer(sink.url, 'Portico <portico@example.test>'), { sweepCron: null });
    await startNotificationEmails(queue, t.db, { publicUrl: t.config.publicUrl, secret: SECRET, replyDomain: DOMAIN, digestCron: null });
    // The 3-minute gathering window on a compressed clock.
    connectOutbox(queue, { coalesceSeconds: 1 });
    inbound = await startInboundMail({
      port: 0,
      host: '127.0.0.1',
      secret: SECRET,
      domain: DOMAIN,
      db: t.db,
      handler: createReplyHandler(t.db),
    });
  }, 300_000);
  afterAll(async () => {
    connectOutbox(null);
    await inbound?.close();
    await queue?.stop();
    await sink?.close();
    await t?.dispose();
  }, 120_000);

  const reply = (envelopeFrom: string, to: string, text: string) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true } as never)
      .sendMail({ envelope: { from: envelopeFrom, to }, from: envelopeFrom, to, subject: 'Re: New message', text });

  it('emails a new message with a Reply-To; the reply comes back through the listener and appears in the thread', async () => {
    const owner = clientFor(t, w.aOwner);
    const posted = await owner.post(`/api/threads/${w.engagementAX}/messages`, { body: 'Can you send the final files by Friday?' });
    expect(posted.statusCode).toBe(201);
    const sent = await waitFor(() => sink.received.find((m) => m.to.includes(w.xAdmin.email.toLowerCase())));
    const email = await simpleParser(sent.raw);
    expect(email.text).toContain('Can you send the final files by Friday?');
    expect(email.text).toContain(`${t.config.publicUrl}/portal/messages/${w.engagementAX}`);
    expect(email.text).toContain('/portal/notifications/settings');
    const replyTo = email.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(new RegExp(`^r-[a-z2-7]+@${DOMAIN.replace(/\./g, '\\.')}$`));

    // Someone else of X cannot use xAdmin's address, and nothing is posted.
    const stolen = await reply(w.xOffice.email, replyTo, 'Not mine to answer').catch((e: { responseCode?: number }) => e);
    expect(stolen).toMatchObject({ responseCode: 550 });

    await reply(
      w.xAdmin.email,
      replyTo,
      `Yes, Friday works.\nFiles follow.\n\nOn Tue, 1 Dec 2026 at 09:12, Portico <${replyTo}> wrote:\n> Can you send the final files by Friday?`,
    );
    const thread = await waitFor(async () => {
      const page = await owner.get(`/api/threads/${w.engagementAX}/messages`);
      const items = page.json().items as Array<{ body: string; author: { id: string } }>;
      return items.some((m) => m.body.startsWith('Yes, Friday works.')) ? items : undefined;
    });
    const answer = thread.find((m) => m.body.startsWith('Yes, Friday works.'));
    expect(answer).toMatchObject({ body: 'Yes, Friday works.\nFiles follow.', author: { id: w.xAdmin.userId } });
    expect(thread.filter((m) => m.body.includes('Not mine'))).toEqual([]);
    // The company hears of the reply as of any message (in the app here).
    const bell = await owner.get('/api/notifications/groups');
    expect(bell.json().items[0]).toMatchObject({
      kind: 'message',
      key: `thread:${w.engagementAX}`,
      subject: { type: 'thread', label: `Messages · Org A ${w.suffix} – Contractor X ${w.suffix}` },
    });
  }, 300_000);
});
