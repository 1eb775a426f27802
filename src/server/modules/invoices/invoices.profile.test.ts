import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractorProfiles, files } from '../../db/schema/index.ts';
import { invoiceBody } from '../../test/invoicing.ts';
import { extractPdfText } from '../../test/pdf.text.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';
import { renderInvoicePdf } from './invoices.pdf.ts';

/** The PDF's text as a reader sees it (PDF.js, the one extractor the tests use), and its page count. */
async function textOf(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const pages = await extractPdfText(bytes);
  return { text: pages.join('\n'), pages: pages.length };
}

const details = {
  legalName: 'Xavier Studio Ltd',
  address: '1 Harbour Road\nBristol BS1 4AA',
  taxId: 'GB123456789',
  bankDetails: 'IBAN GB00 BANK 0000 0000 0000 00',
  email: 'billing@xavier.example',
  phone: '+44 117 000 0000',
};

describe('invoices: business details and the generated PDF', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('saves the business details with versions: admins edit, office members read, staff of the organization read', async () => {
    const admin = clientFor(t, w.xAdmin);
    const empty = await admin.get('/api/contractor/profile');
    expect(empty.json()).toMatchObject({ version: 0, legalName: '', abilities: { edit: true } });
    expect(empty.headers.etag).toBe('"0"');
    expect((await admin.request('PATCH', '/api/contractor/profile', details)).statusCode).toBe(428);
    const office = await clientFor(t, w.xOffice).edit('/api/contractor/profile', details);
    expect(office.statusCode).toBe(403);
    const saved = await admin.edit('/api/contractor/profile', details);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ...details, version: 1 });
    const stale = await admin.request('PATCH', '/api/contractor/profile', { ...details, phone: '' }, { headers: { 'if-match': '"0"' } });
    expect(stale.statusCode).toBe(412);
    const bad = await admin.edit('/api/contractor/profile', { ...details, legalName: '' });
    expect(bad.statusCode).toBe(400);
    expect((await admin.edit('/api/contractor/profile', { ...details, phone: '+44 1' })).json().version).toBe(2);
    const [row] = await t.db.select().from(contractorProfiles).where(eq(contractorProfiles.contractorId, w.contractorX));
    expect(row?.version).toBe(2);

    const staffView = await clientFor(t, w.aFinance).get(`/api/contractors/${w.contractorX}/profile`);
    expect(staffView.statusCode).toBe(200);
    expect(staffView.json()).toMatchObject({ legalName: details.legalName, abilities: { edit: false } });
    for (const stranger of [w.bOwner, w.yAdmin, w.xTech])
      expect((await clientFor(t, stranger).get(`/api/contractors/${w.contractorX}/profile`)).statusCode).toBe(404);
    expect((await clientFor(t, w.aOwner).get(`/api/contractors/${w.contractorY}/profile`)).statusCode).toBe(404);
    expect((await clientFor(t, w.aOwner).get('/api/contractor/profile')).statusCode).toBe(403);
  });

  it('generates the invoice PDF from the business details and lines: both parties, lines, totals, page numbers', async () => {
    const world = await createWorld(t);
    const admin = clientFor(t, world.xAdmin);
    const body = invoiceBody(world, [{ description: 'Brand workshop', quantityMilli: 2000, unitAmountMinor: 45_000 }], {
      generate: true,
      taxRateBp: 2000,
      number: 'GEN-1',
    });
    const missing = await admin.post('/api/invoices', body);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.fieldErrors[0].path).toBe('generate');
    expect((await admin.edit('/api/contractor/profile', details)).statusCode).toBe(200);
    const res = await admin.post('/api/invoices', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ generated: true, file: { mime: 'application/pdf' } });
    const [file] = await t.db.select().from(files).where(eq(files.id, res.json().file.id));
    expect(file).toMatchObject({ organizationId: world.orgA, contractorId: world.contractorX });
    const download = await clientFor(t, world.aFinance).get(`/api/files/${file!.id}/download`);
    expect(download.statusCode).toBe(200);
    const { text } = await textOf(download.rawPayload);
    for (const expected of [
      'Invoice GEN-1',
      'Xavier Studio Ltd',
      'GB123456789',
      `Org A ${world.suffix}`,
      'Brand workshop',
      'EUR 1,080.00',
      'Page 1 of 1',
    ])
      expect(text).toContain(expected);
  });

  it('numbers every page of a long invoice and repeats nothing it should not', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({
      description: `Visit ${i + 1}: inspection of the north wing`,
      quantityMilli: 1000,
      unitAmountMinor: 10_000,
      amountMinor: 10_000,
    }));
    const bytes = await renderInvoicePdf({
      number: 'LONG-1',
      issueOn: '2026-11-30',
      dueOn: '2026-12-30',
      currency: 'JPY',
      taxRateBp: 1000,
      subtotalMinor: 600_000,
      taxMinor: 60_000,
      totalMinor: 660_000,
      note: 'Thank you.',
      correctsNumber: 'LONG-0',
      from: details,
      to: { name: 'Org' },
      lines,
    });
    const { text, pages } = await textOf(bytes);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text).toContain('Visit 60');
    expect(text).toContain('JPY 660,000');
    expect(text).toContain('Corrects invoice LONG-0');
  });
});
