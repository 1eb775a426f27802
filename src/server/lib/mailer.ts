import type { Transporter } from 'nodemailer';

export interface OutgoingEmail {
  /** The email's row id: its Message-ID, so that a receiver can drop a copy sent twice. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Where replies go (a signed reply address), when they come back to Portico. */
  replyTo?: string | null;
}

export interface Mailer {
  /** 'smtp' delivers through SMTP_URL; 'mailbox' keeps the message in the dev mailbox only. */
  kind: 'smtp' | 'mailbox';
  send(email: OutgoingEmail): Promise<void>;
}

/** A failure worth retrying (4xx replies, no connection, timeouts) or not (5xx: the server said no). */
export interface DeliveryFailure {
  permanent: boolean;
  reason: string;
}

/** Tells a temporary failure from a permanent one by the SMTP reply code, when there is one. */
export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const err = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const reason = String(err?.response || err?.message || error).slice(0, 500);
  if (typeof err?.responseCode === 'number') return { permanent: err.responseCode >= 500, reason };
  // Nodemailer refuses a message or envelope it cannot send at all before speaking to anyone.
  if (err?.code === 'EENVELOPE' || err?.code === 'EMESSAGE') return { permanent: true, reason };
  return { permanent: false, reason };
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { kind: 'mailbox', send: async () => {} };
  // Nodemailer loads with the first email, not at every start. Bounded waits, so that a silent
  // server costs an attempt, not a worker.
  let transporter: Promise<Transporter> | undefined;
  const transport = () =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      } as never),
    ));
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'portico.invalid';
  return {
    kind: 'smtp',
    async send(email) {
      await (await transport()).sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        messageId: `<${email.id}@${domain}>`,
      });
    },
  };
}
