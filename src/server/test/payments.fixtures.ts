import type { TestApp } from './test-app.ts';
import { clientFor, type Persona, type World } from './world.ts';

/** The smallest bytes file-type takes for each kind. */
export const pngBytes = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]);
export const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

export function multipartBody(name: string, content: Buffer) {
  const boundary = '----portico-payment-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads a proof (an image or PDF only); for an engagement, or for the organization (a batch proof) without one. */
export async function uploadProof(t: TestApp, persona: Persona, options: { engagementId?: string; content?: Buffer; name?: string } = {}) {
  const query = `?accept=image-or-pdf${options.engagementId ? `&engagementId=${options.engagementId}` : ''}`;
  return clientFor(t, persona).request(
    'POST',
    `/api/files${query}`,
    undefined,
    multipartBody(options.name ?? 'proof.png', options.content ?? pngBytes),
  );
}

export async function uploadProofId(
  t: TestApp,
  persona: Persona,
  options: { engagementId?: string; content?: Buffer } = {},
): Promise<string> {
  const res = await uploadProof(t, persona, options);
  if (res.statusCode !== 201) throw new Error(`proof upload answered ${res.statusCode}: ${res.body}`);
  return res.json().id as string;
}

/** A draft entered by hand by A's finance for the A–X engagement. */
export async function createDraft(
  t: TestApp,
  w: World,
  overrides: { amountMinor?: number; currency?: string; description?: string; by?: Persona } = {},
): Promise<string> {
  const res = await clientFor(t, overrides.by ?? w.aFinance).post('/api/payments', {
    engagementId: w.engagementAX,
    amountMinor: overrides.amountMinor ?? 150_000,
    currency: overrides.currency ?? 'EUR',
    description: overrides.description ?? 'December retainer',
  });
  if (res.statusCode !== 201) throw new Error(`draft answered ${res.statusCode}: ${res.body}`);
  return res.json().id as string;
}

export function sendBody(amountMinor = 150_000, extra: Record<string, unknown> = {}) {
  return { amountMinor, method: 'wise', reference: 'WISE-123', sentOn: '2026-12-01', expectedOn: '2026-12-03', ...extra };
}

/** A draft sent by A's finance (no proof); returns its id. */
export async function createSentPayment(t: TestApp, w: World, amountMinor = 150_000): Promise<string> {
  const id = await createDraft(t, w, { amountMinor });
  const res = await clientFor(t, w.aFinance).post(`/api/payments/${id}/send`, sendBody(amountMinor));
  if (res.statusCode !== 200) throw new Error(`send answered ${res.statusCode}: ${res.body}`);
  return id;
}
