import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { createWorld, type World } from '../../test/world.ts';
import { signReplyAddress } from '../notifications/notifications.reply.ts';
import { type InboundMail, startInboundMail } from './inbound-mail.server.ts';
import { createReplyHandler } from './inbound-mail.service.ts';

const SECRET = 'inbound-test-secret-of-at-least-32-chars';
const DOMAIN = 'reply.portico.test';
const inADay = () => new Date(Date.now() + 86_400_000);

describe('the inbound SMTP listener for replies', () => {
  let t: TestApp;
  let w: World;
  let inbound: InboundMail;
  /** What is in the thread: what the listener posted, through the messages module. */
  const posted = async () =>
    (
      await t.db
        .select({ body: messages.body, author: messages.authorUserId })
        .from(messages)
        .where(eq(messages.threadId, w.engagementAX))
        .orderBy(messages.createdAt, messages.id)
    ).map((m) => ({ body: m.body, author: m.author }));

  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    inbound = await startInboundMail({
      port: 0,
      host: '127.0.0.1',
      secret: SECRET,
      domain: DOMAIN,
      db: t.db,
      handler: createReplyHandler(t.db),
    });
  }, 120_000);
  afterAll(async () => {
    await inbound?.close();
  });

  const send = (mail: { envelopeFrom: string; to: string; from?: string; text: string }) =>
    nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true } as never).sendMail({
      envelope: { from: mail.envelopeFrom, to: mail.to },
      from: mail.from ?? mail.envelopeFrom,
      to: mail.to,
      subject: 'Re: New message',
      text: mail.text,
    });
  const refusedAt = async (sending: Promise<unknown>) => {
    const error = (await sending.then(
      () => null,
      (e: unknown) => e,
    )) as { responseCode?: number; command?: string; response?: string } | null;
    expect(error, 'the listener accepted what it should refuse').not.toBeNull();
    return { code: error?.responseCode, command: error?.command, response: error?.response ?? '' };
  };
  const addressFor = (userId: string, threadId = w.engagementAX, expiresAt = inADay()) =>
    signReplyAddress(SECRET, DOMAIN, { threadId, userId, expiresAt });

  it('takes a reply from the person the address belongs to, with the quoted history stripped', async () => {
    const before = (await posted()).length;
    const to = addressFor(w.xAdmin.userId);
    expect(to.split('@')[0]!.length).toBeLessThanOrEqual(73);
    await send({
      envelopeFrom: w.xAdmin.email.toUpperCase(),
      to: to.toUpperCase(),
      text: 'Friday works.\n\nOn Tue, 1 Dec 2026, Portico wrote:\n> Can we meet?',
    });
    expect((await posted()).slice(before)).toEqual([{ body: 'Friday works.', author: w.xAdmin.userId }]);
  });

  it('refuses forged, expired, foreign and unknown addresses at RCPT TO, and posts nothing', async () => {
    const before = (await posted()).length;
    const good = addressFor(w.xAdmin.userId);
    const [local, domain] = good.split('@') as [string, string];
    const flipped = `${local.slice(0, -1)}${local.endsWith('a') ? 'b' : 'a'}@${domain}`;
    for (const to of [flipped, 'r-short@reply.portico.test', `someone@${DOMAIN}`]) {
      const refused = await refusedAt(send({ envelopeFrom: w.xAdmin.email, to, text: 'Forged' }));
      expect(refused).toMatchObject({ code: 550, command: 'RCPT TO' });
      expect(refused.response).toMatch(/5\.1\.1 No such reply address/);
    }
    const expired = await refusedAt(
      send({ envelopeFrom: w.xAdmin.email, to: addressFor(w.xAdmin.userId, w.engagementAX, new Date(Date.now() - 1000)), text: 'Late' }),
    );
    expect(expired).toMatchObject({ code: 550, command: 'RCPT TO' });
    expect(expired.response).toMatch(/expired/);
    const relay = await refusedAt(send({ envelopeFrom: w.xAdmin.email, to: `${local}@elsewhere.test`, text: 'Relay' }));
    expect(relay).toMatchObject({ code: 550, command: 'RCPT TO' });
    // Signed by another server: the same claims, another secret.
    const otherServer = signReplyAddress('another-secret-of-at-least-32-characters', DOMAIN, {
      threadId: w.engagementAX,
      userId: w.xAdmin.userId,
      expiresAt: inADay(),
    });
    expect((await refusedAt(send({ envelopeFrom: w.xAdmin.email, to: otherServer, text: 'x' }))).code).toBe(550);
    expect(await posted()).toHaveLength(before);
  });

  it('refuses a stranger as sender (MAIL FROM at RCPT TO, From at DATA) and someone no longer in the thread', async () => {
    const before = (await posted()).length;
    const to = addressFor(w.xAdmin.userId);
    const stranger = await refusedAt(send({ envelopeFrom: 'stranger@example.test', to, text: 'Let me in' }));
    expect(stranger).toMatchObject({ code: 550, command: 'RCPT TO' });
    expect(stranger.response).toMatch(/belongs to someone else/);
    // Someone else's person: the address is valid, but for xAdmin, not for the Y admin who sends it.
    expect((await refusedAt(send({ envelopeFrom: w.yAdmin.email, to, text: 'x' }))).code).toBe(550);
    const spoofedHeader = await refusedAt(send({ envelopeFrom: w.xAdmin.email, from: 'stranger@example.test', to, text: 'Spoofed' }));
    expect(spoofedHeader).toMatchObject({ code: 550, command: 'DATA' });
    // Y's admin holds a genuine address for a thread Y cannot see (engagement A–X): refused.
    const notInThread = await refusedAt(send({ envelopeFrom: w.yAdmin.email, to: addressFor(w.yAdmin.userId), text: 'x' }));
    expect(notInThread).toMatchObject({ code: 550, command: 'RCPT TO' });
    expect(notInThread.response).toMatch(/no longer write/);
    const empty = await refusedAt(send({ envelopeFrom: w.xAdmin.email, to, text: '> just the quote' }));
    expect(empty).toMatchObject({ code: 550, command: 'DATA' });
    const tooLong = await refusedAt(send({ envelopeFrom: w.xAdmin.email, to, text: 'x'.repeat(10_001) }));
    expect(tooLong).toMatchObject({ code: 552, command: 'DATA' });
    expect(await posted()).toHaveLength(before);
  });
});
