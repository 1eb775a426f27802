import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { Logger } from '../../lib/logger.ts';
import { verifyReplyAddress } from '../notifications/notifications.reply.ts';
import { stripQuotedReply } from './inbound-mail.strip.ts';

/** The longest reply taken, as for a message typed in the app. */
export const MAX_REPLY_CHARACTERS = 10_000;
/** The largest email taken (attachments are not carried over: the reply's text is). */
export const MAX_INBOUND_BYTES = 2 * 1024 * 1024;

export interface ReplyTarget {
  threadId: string;
  userId: string;
  /** The person's address: the only sender accepted for this reply address. */
  email: string;
}

/** What a reply becomes: the messages module behind it (see inbound-mail.service.ts). */
export interface InboundReplyHandler {
  /** Whether the person may still write in the thread; no → refused at RCPT TO. */
  canReply(target: ReplyTarget): Promise<boolean>;
  /** Posts the reply in the thread as the person. An AppError (4xx) refuses the email for good; anything else asks the sender to retry. */
  postReply(target: ReplyTarget, text: string): Promise<void>;
}

export interface InboundMailOptions {
  port: number;
  host?: string;
  /** Signs and checks reply addresses (the server secret). */
  secret: string;
  /** The domain of reply addresses; a recipient at another domain is refused (no relaying). */
  domain: string;
  db: Db;
  handler: InboundReplyHandler;
  logger?: Logger;
  now?: () => Date;
}

export interface InboundMail {
  port: number;
  close(): Promise<void>;
}

/** An SMTP refusal: the code and enhanced status the client sees in the conversation. */
function refusal(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

const addressOf = (value: string | undefined | null) => (value ?? '').trim().toLowerCase();

/**
 * The inbound SMTP listener (on when SMTP_INBOUND_PORT is set): it takes replies to reply
 * addresses and nothing else. Everything is judged during the conversation, so nothing wrong
 * is ever accepted and dropped later:
 *   MAIL FROM  an empty sender (a bounce, an auto-reply loop) → 550;
 *   RCPT TO    another domain → 550 5.7.1 (no relay); a malformed, forged or unknown address → 550 5.1.1;
 *              expired → 550 5.1.1 with the reason; MAIL FROM not the person the address belongs to,
 *              or a person no longer in the thread → 550 5.7.1; a second recipient → 452;
 *   DATA       larger than MAX_INBOUND_BYTES → 552; a From header that is not the person → 550 5.7.1;
 *              nothing left after the quoted history is stripped → 550 5.6.0; too long → 552 5.3.4.
 * Only then is the reply posted; a temporary failure there is a 451, so the sender's server retries.
 */
export async function startInboundMail(options: InboundMailOptions): Promise<InboundMail> {
  const targets = new WeakMap<SMTPServerSession['envelope'], ReplyTarget>();
  const domain = options.domain.toLowerCase();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'Portico replies',
    size: MAX_INBOUND_BYTES,
    logger: false,
    onMailFrom(address, _session, callback) {
      if (!addressOf(address.address)) return callback(refusal(550, '5.7.1 Replies need a sender address'));
      callback();
    },
    onRcptTo(address, session, callback) {
      void (async () => {
        if (session.envelope.rcptTo.length > 0) throw refusal(452, '4.5.3 One reply address per message');
        const to = addressOf(address.address);
        if (to.split('@')[1] !== domain) throw refusal(550, '5.7.1 This server takes replies to its own reply addresses only');
        const check = verifyReplyAddress(options.secret, to, options.now?.() ?? new Date());
        if (!check.ok)
          throw refusal(
            550,
            check.reason === 'expired' ? '5.1.1 This reply address has expired: answer in Portico' : '5.1.1 No such reply address',
          );
        const [user] = await options.db.select({ email: users.email }).from(users).where(eq(users.id, check.claims.userId));
        if (!user) throw refusal(550, '5.1.1 No such reply address');
        const target: ReplyTarget = { threadId: check.claims.threadId, userId: check.claims.userId, email: addressOf(user.email) };
        if (addressOf(session.envelope.mailFrom ? session.envelope.mailFrom.address : '') !== target.email)
          throw refusal(550, '5.7.1 This reply address belongs to someone else');
        if (!(await options.handler.canReply(target))) throw refusal(550, '5.7.1 You can no longer write in this thread');
        targets.set(session.envelope, target);
      })().then(
        () => callback(),
        (error: Error) => callback(error),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void (async () => {
          if (stream.sizeExceeded) throw refusal(552, '5.3.4 This email is too large');
          const target = targets.get(session.envelope);
          if (!target) throw refusal(554, '5.5.1 No valid recipient');
          const parsed = await simpleParser(Buffer.concat(chunks));
          const from = parsed.from?.value ?? [];
          if (from.length !== 1 || addressOf(from[0]?.address) !== target.email)
            throw refusal(550, '5.7.1 The From of this email is not the person this reply address belongs to');
          const text = stripQuotedReply(parsed.text ?? '');
          if (!text) throw refusal(550, '5.6.0 This reply is empty once the quoted email is taken out');
          if (text.length > MAX_REPLY_CHARACTERS) throw refusal(552, `5.3.4 A reply is at most ${MAX_REPLY_CHARACTERS} characters`);
          try {
            await options.handler.postReply(target, text);
          } catch (error) {
            if (error instanceof AppError && error.status < 500) throw refusal(550, `5.7.1 ${error.message}`);
            options.logger?.error({ err: error, threadId: target.threadId }, 'inbound reply could not be posted; the sender will retry');
            throw refusal(451, '4.3.0 Try again later');
          }
        })().then(
          () => callback(null, 'Posted in the thread'),
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
