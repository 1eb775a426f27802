import { readdirSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type Persona, type World } from '../../test/world.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000', 'hex'), Buffer.alloc(200, 0x41)]);

function multipart(name: string, content: Buffer, field = 'file') {
  const boundary = '----portico-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(t: TestApp, persona: Persona, name: string, content: Buffer, query = '') {
  return clientFor(t, persona).request('POST', `/api/files${query}`, undefined, multipart(name, content));
}

describe('files', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('stores an upload under its SHA-256, with the type read from the content', async () => {
    const res = await upload(t, w.aOwner, 'Site photo.jpeg', PNG);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'image/png', name: 'Site photo.png', size: PNG.length });
    const sha = res.json().sha256;
    expect(readdirSync(path.join(t.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4)))).toContain(sha);
    const download = await clientFor(t, w.aOwner).get(`/api/files/${res.json().id}/download?inline=1`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect(download.headers['content-disposition']).toMatch(/^inline; filename="Site photo.png"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps an executable disguised as a PDF an executable, and never serves it inline', async () => {
    const res = await upload(t, w.xAdmin, 'invoice.pdf', EXE, `?engagementId=${w.engagementAX}`);
    expect(res.statusCode).toBe(201);
    expect(res.json().mime).not.toBe('application/pdf');
    expect(res.json().name).not.toMatch(/\.pdf$/);
    const download = await clientFor(t, w.aOwner).get(`/api/files/${res.json().id}/download?inline=1`);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-security-policy']).toContain('sandbox');
  });

  it('refuses a file over the limit with 413 and stores nothing', async () => {
    const before = await t.db.select({ n: count() }).from(files).where(eq(files.organizationId, w.orgA));
    const res = await upload(t, w.aOwner, 'big.bin', Buffer.alloc(300 * 1024, 7));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(await t.db.select({ n: count() }).from(files).where(eq(files.organizationId, w.orgA))).toEqual(before);
    expect(readdirSync(path.join(t.dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('refuses empty files, wrong fields, non-multipart bodies and viewers', async () => {
    expect((await upload(t, w.aOwner, 'empty.txt', Buffer.alloc(0))).statusCode).toBe(400);
    const wrongField = await clientFor(t, w.aOwner).request(
      'POST',
      '/api/files',
      undefined,
      multipart('a.txt', Buffer.from('hi'), 'document'),
    );
    expect(wrongField.statusCode).toBe(400);
    expect((await clientFor(t, w.aOwner).post('/api/files', { file: 'hi' })).statusCode).toBe(415);
    expect((await upload(t, w.aViewer, 'a.txt', Buffer.from('hello there'))).statusCode).toBe(403);
  });

  it('audits each upload', async () => {
    const res = await upload(t, w.aManager, 'notes.txt', Buffer.from('plain notes'));
    const { auditEvents } = await import('../../db/schema/index.ts');
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, res.json().id));
    expect(event).toMatchObject({ action: 'file.uploaded', actorUserId: w.aManager.userId });
  });
});
