import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email as the SMTP sink received it, decoded enough for a test to read. */
export interface CapturedEmail {
  id: number;
  receivedAt: string;
  /** Envelope recipients (RCPT TO), lower case. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Every http(s) URL found in the text and HTML parts, decoded. */
  links: string[];
  raw: string;
}

/**
 * An SMTP server on loopback that keeps every message in memory, and a tiny HTTP endpoint
 * (`GET /messages`) that hands them to the Playwright workers as JSON.
 */
export interface MailSink {
  smtpPort: number;
  /** Base URL of the JSON endpoint, e.g. http://127.0.0.1:4711 */
  httpUrl: string;
  messages: CapturedEmail[];
  close(): Promise<void>;
}

export async function startMailSink(): Promise<MailSink> {
  const messages: CapturedEmail[] = [];
  const smtp = new SMTPServer({
    name: 'portico-e2e-sink',
    secure: false,
    hideSTARTTLS: true,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        try {
          const raw = Buffer.concat(chunks).toString('utf8');
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          messages.push(
            toCapturedEmail(
              messages.length + 1,
              raw,
              from,
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && url.pathname === '/messages') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const list = to ? messages.filter((m) => m.to.includes(to)) : messages;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(list));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const httpUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  return {
    smtpPort,
    httpUrl,
    messages,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

export function toCapturedEmail(id: number, raw: string, from: string, to: string[]): CapturedEmail {
  const message = parseMime(raw);
  const parts = leafParts(message);
  const text = parts.find((p) => p.type === 'text/plain')?.body ?? '';
  const html = parts.find((p) => p.type === 'text/html')?.body ?? '';
  return {
    id,
    receivedAt: new Date().toISOString(),
    to: to.map((a) => a.toLowerCase()),
    from,
    subject: decodeEncodedWords(message.headers.get('subject') ?? ''),
    text,
    html,
    links: extractLinks(`${text}\n${html}`),
    raw,
  };
}

/* ----- just enough MIME for the messages nodemailer writes (mailparser is not a dependency) ----- */

interface MimePart {
  headers: Map<string, string>;
  type: string;
  /** Decoded body for leaf parts; the raw body for multiparts. */
  body: string;
  children: MimePart[];
}

function parseMime(raw: string): MimePart {
  const normalized = raw.replace(/\r\n/g, '\n');
  const split = normalized.indexOf('\n\n');
  const head = split === -1 ? normalized : normalized.slice(0, split);
  const body = split === -1 ? '' : normalized.slice(split + 2);
  const headers = new Map<string, string>();
  // unfold continuation lines, then "Name: value"
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const contentType = headers.get('content-type') ?? 'text/plain';
  const type = (contentType.split(';')[0] ?? 'text/plain').trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return { headers, type, body, children: [] };
    const children = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith('--'))
      .map((chunk) => parseMime(chunk.replace(/^\n/, '')));
    return { headers, type, body, children };
  }
  const charset = /charset="?([^";]+)"?/i.exec(contentType)?.[1]?.toLowerCase() ?? 'utf-8';
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  return { headers, type, body: decodeBody(body, encoding, charset), children: [] };
}

function leafParts(part: MimePart): MimePart[] {
  return part.children.length === 0 ? [part] : part.children.flatMap(leafParts);
}

function decodeBody(body: string, encoding: string, charset: string): string {
  let bytes: Buffer;
  if (encoding === 'quoted-printable') bytes = decodeQuotedPrintable(body);
  else if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else bytes = Buffer.from(body, 'utf8');
  const label = charset === 'utf8' ? 'utf-8' : charset;
  try {
    return new TextDecoder(label).decode(bytes).replace(/\n$/, '');
  } catch {
    return bytes.toString('utf8').replace(/\n$/, '');
  }
}

/** Quoted-printable: `=` at the end of a line is a soft break, `=3D` is a byte. */
function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/[ \t]+$/gm, '').replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const char = joined[i]!;
    const hex = joined.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      for (const byte of Buffer.from(char, 'utf8')) bytes.push(byte);
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words in headers: =?utf-8?Q?...?= and =?utf-8?B?...?= */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_match, charset: string, kind: string, data: string) => {
      const bytes = kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' '));
      try {
        return new TextDecoder(charset.toLowerCase()).decode(bytes);
      } catch {
        return bytes.toString('utf8');
      }
    });
}

function decodeHtmlEntities(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function extractLinks(content: string): string[] {
  const found = new Set<string>();
  for (const match of content.matchAll(/https?:\/\/[^\s"'<>]+/g)) found.add(decodeHtmlEntities(match[0]).replace(/[.,;)]+$/, ''));
  return [...found];
}
