import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoices } from '../../db/schema/index.ts';
import { invoiceBody, uploadInvoiceFile } from '../../test/invoicing.ts';
import { createJob } from '../../test/jobs.work.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

const line = [{ description: 'Fire systems inspection', quantityMilli: 1000, unitAmountMinor: 125_000 }];

/** "Invoice this job": an invoice linked to a job of the same engagement, in a state that takes one. */
describe('invoices for jobs', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('links an invoice to an accepted job of its engagement; refuses a job still to accept (409) and an unknown one (400)', async () => {
    const contractor = clientFor(t, w.xAdmin);
    const jobId = await createJob(t, w);
    const early = await contractor.post(
      '/api/invoices',
      invoiceBody(w, line, { currency: 'AUD', fileId: await uploadInvoiceFile(t, w), jobId }),
    );
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().details.currentStatus).toBe('assigned');
    expect((await contractor.post(`/api/jobs/${jobId}/accept`, {})).statusCode).toBe(200);
    const fileId = await uploadInvoiceFile(t, w);
    const invoiced = await contractor.post('/api/invoices', invoiceBody(w, line, { currency: 'AUD', fileId, jobId }));
    expect(invoiced.statusCode, invoiced.body).toBe(201);
    expect(invoiced.json().jobId).toBe(jobId);
    const [row] = await t.db.select().from(invoices).where(eq(invoices.id, invoiced.json().id));
    expect(row?.jobId).toBe(jobId);
    // The company's job page lists the job's invoices (with what the reader may do); nobody else's.
    const listed = await clientFor(t, w.aOwner).get(`/api/invoices?jobId=${jobId}`);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([invoiced.json().id]);
    expect(listed.json().items[0].abilities.approve).toBe(true);
    expect((await clientFor(t, w.bOwner).get(`/api/invoices?jobId=${jobId}`)).json().items).toEqual([]);
    expect((await clientFor(t, w.aOwner).get(`/api/invoices?jobId=${await createJob(t, w)}`)).json().items).toEqual([]);
    const unknown = await contractor.post(
      '/api/invoices',
      invoiceBody(w, line, { currency: 'AUD', fileId: await uploadInvoiceFile(t, w), jobId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.fieldErrors[0].path).toBe('jobId');
  });

  it("refuses another contractor's job as if it did not exist", async () => {
    const other = await createWorld(t);
    const theirJob = await createJob(t, other);
    const res = await clientFor(t, w.xAdmin).post(
      '/api/invoices',
      invoiceBody(w, line, { currency: 'AUD', fileId: await uploadInvoiceFile(t, w), jobId: theirJob }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fieldErrors[0].path).toBe('jobId');
  });
});
