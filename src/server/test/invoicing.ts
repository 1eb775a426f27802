import { expect } from 'vitest';
import { computeInvoiceTotals } from '../../shared/domain/invoice.totals.ts';
import type { TestApp } from './test-app.ts';
import { createActiveContract, createSubmittedMilestone } from './work.ts';
import { clientFor, type Persona, type World } from './world.ts';

/** A small real PDF (file-type reads it as application/pdf), as multipart for POST /api/files. */
export function pdfUpload(name = 'invoice.pdf', text = 'An invoice') {
  const boundary = '----invoice';
  const pdf = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n${pdf}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads the invoice document for A–X as the contractor (or `by`). */
export async function uploadInvoiceFile(t: TestApp, w: World, by: Persona = w.xAdmin, text?: string): Promise<string> {
  const res = await clientFor(t, by).request(
    'POST',
    `/api/files?engagementId=${w.engagementAX}`,
    undefined,
    pdfUpload('invoice.pdf', text),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

export interface LineSpec {
  description: string;
  quantityMilli: number;
  unitAmountMinor: number;
  milestoneId?: string;
}

/** A submission body with amounts and totals computed as the web form does. */
export function invoiceBody(
  w: World,
  lines: LineSpec[],
  extra: {
    number?: string;
    taxRateBp?: number;
    currency?: string;
    fileId?: string;
    generate?: boolean;
    correctsInvoiceId?: string;
    jobId?: string;
  } = {},
) {
  const taxRateBp = extra.taxRateBp ?? 0;
  const totals = computeInvoiceTotals(lines, taxRateBp);
  return {
    engagementId: w.engagementAX,
    number: extra.number ?? `INV-${Math.random().toString(36).slice(2, 8)}`,
    issueOn: '2026-11-30',
    dueOn: '2026-12-30',
    currency: extra.currency ?? 'EUR',
    taxRateBp,
    lines: lines.map((l, i) => ({ ...l, amountMinor: totals.lineAmountsMinor[i]! })),
    subtotalMinor: totals.subtotalMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
    ...(extra.generate ? { generate: true } : { fileId: extra.fileId }),
    ...(extra.correctsInvoiceId ? { correctsInvoiceId: extra.correctsInvoiceId } : {}),
    ...(extra.jobId ? { jobId: extra.jobId } : {}),
  };
}

/** An approved milestone of A–X (its draft payment exists): id and amount. */
export async function createApprovedMilestone(t: TestApp, w: World, contractId?: string): Promise<{ id: string; amountMinor: number }> {
  const contract = contractId ?? (await createActiveContract(t, w));
  const id = await createSubmittedMilestone(t, w, contract);
  const res = await clientFor(t, w.aOwner).post(`/api/milestones/${id}/approve`, {});
  expect(res.statusCode, res.body).toBe(200);
  return { id, amountMinor: res.json().amountMinor };
}

/** A free-form invoice submitted by X's admin with an uploaded PDF. */
export async function submitFreeInvoice(t: TestApp, w: World, extra: Parameters<typeof invoiceBody>[2] = {}) {
  const fileId = await uploadInvoiceFile(t, w);
  const res = await clientFor(t, w.xAdmin).post(
    '/api/invoices',
    invoiceBody(w, [{ description: 'Design hours', quantityMilli: 2500, unitAmountMinor: 8000 }], { fileId, ...extra }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; totalMinor: number; status: string };
}

/** The access matrix's victim: X's business details saved, and a submitted invoice of A–X with an uploaded document. */
export async function submitVictimInvoice(t: TestApp, w: World) {
  const legalName = `Victim Legal ${w.suffix}`;
  const saved = await clientFor(t, w.xAdmin).edit('/api/contractor/profile', { legalName, address: '1 Secret Street' });
  expect(saved.statusCode, saved.body).toBe(200);
  const fileId = await uploadInvoiceFile(t, w);
  const res = await clientFor(t, w.xAdmin).post(
    '/api/invoices',
    invoiceBody(w, [{ description: 'Victim work', quantityMilli: 1000, unitAmountMinor: 12_345 }], {
      fileId,
      number: `VICTIM-${w.suffix}`,
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return { invoiceId: res.json().id as string, fileId, legalName };
}
