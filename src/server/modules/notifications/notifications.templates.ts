import { EMAIL_LOCALE, localizeDates } from '../../../shared/format/dates.ts';

export interface EmailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One layout for every email: HTML for mail clients, plain text for everyone else. */
export function renderEmail(original: EmailContent): { subject: string; html: string; text: string } {
  // Dates travel in texts as ISO data; the email shows them as pages do (shared/format/dates.ts).
  const local = (text: string) => localizeDates(text, EMAIL_LOCALE, 'UTC');
  const content: EmailContent = {
    ...original,
    subject: local(original.subject),
    heading: local(original.heading),
    paragraphs: original.paragraphs.map(local),
  };
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    content.footer ?? 'Sent by Portico.',
  ].join('\n');
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p><p style="font-size:13px;color:#475569">Or open this address: ${escapeHtml(content.action.url)}</p>`
    : '';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px"><h1 style="font-size:20px">${escapeHtml(content.heading)}</h1>${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${button}<p style="font-size:12px;color:#475569">${escapeHtml(content.footer ?? 'Sent by Portico.')}</p></body></html>`;
  return { subject: content.subject, html, text };
}
