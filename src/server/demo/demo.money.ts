import { Readable } from 'node:stream';
import type { Tx } from '../db/client.ts';
import { contractorProfiles, files, invoiceLines, invoices, paymentNotes, payments } from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import { createPdf, drawParties, drawTitle, finishPdf, pdfBytes } from '../lib/pdf.document.ts';
import type { Storage } from '../lib/storage.ts';

export interface MoneyCast {
  orgId: string;
  financeUserId: string;
  contractorId: string;
  engagementId: string;
  adminUserId: string;
  business: string;
}

const day = (offset: number, now: Date) => new Date(now.getTime() + offset * 86_400_000);
const isoDay = (offset: number, now: Date) => day(offset, now).toISOString().slice(0, 10);

/**
 * The money of the demo, set straight into the tables in a few statements (a first start stays
 * fast): a year of monthly payments for one contractor, payments in every status (draft, sent and
 * on its way, disputed with a note, received, cancelled with a reason), its business details, and,
 * when storage is given, invoices in every status with a document.
 */
export async function seedDemoMoney(tx: Tx, cast: MoneyCast, document: DemoDocument | null, now = new Date()): Promise<void> {
  const base = { organizationId: cast.orgId, contractorId: cast.contractorId, engagementId: cast.engagementId, currency: 'EUR' };
  await tx.insert(contractorProfiles).values({
    contractorId: cast.contractorId,
    legalName: `${cast.business} Ltd`,
    address: '12 Canal Street\nManchester M1 3HE\nUnited Kingdom',
    taxId: 'GB123456789',
    bankDetails: 'IBAN GB33 BUKB 2020 1555 5555 55',
    email: 'accounts@brightline.example',
  });
  const sent = (
    offsetCreated: number,
    offsetSent: number,
    amountMinor: number,
    description: string,
    status: 'sent' | 'received' | 'disputed',
    expected = offsetSent + 3,
  ) => ({
    ...base,
    id: createId(),
    source: 'manual' as const,
    description,
    amountMinor,
    status,
    method: offsetSent % 2 === 0 ? ('wise' as const) : ('bank_transfer' as const),
    reference: `NW-${isoDay(offsetSent, now).replaceAll('-', '')}`,
    sentOn: isoDay(offsetSent, now),
    expectedOn: isoDay(expected, now),
    sentAt: day(offsetSent, now),
    sentByUserId: cast.financeUserId,
    receivedAt: status === 'received' ? day(expected, now) : null,
    createdByUserId: cast.financeUserId,
    createdAt: day(offsetCreated, now),
    updatedAt: day(status === 'received' ? expected : offsetSent, now),
  });
  const history = Array.from({ length: 12 }, (_, i) => {
    const month = 12 - i;
    return sent(-30 * month - 5, -30 * month, 180_000 + (i % 4) * 25_000, `Retainer, month ${i + 1}`, 'received');
  });
  const disputed = sent(-20, -14, 95_000, 'Extra design round', 'disputed');
  const rows = [
    ...history,
    sent(-6, -2, 120_000, 'Icon set', 'sent', 3),
    sent(-4, -1, 60_000, 'Photography licence', 'sent', 5),
    disputed,
    {
      ...base,
      id: createId(),
      source: 'manual' as const,
      description: 'Duplicate entry',
      amountMinor: 45_000,
      status: 'cancelled' as const,
      cancelReason: 'Entered twice by mistake.',
      createdByUserId: cast.financeUserId,
      createdAt: day(-25, now),
      updatedAt: day(-24, now),
    },
    {
      ...base,
      id: createId(),
      source: 'manual' as const,
      description: 'Workshop travel',
      amountMinor: 32_000,
      status: 'draft' as const,
      createdByUserId: cast.financeUserId,
      createdAt: day(-3, now),
      updatedAt: day(-3, now),
    },
  ];
  await tx.insert(payments).values(rows);
  await tx.insert(paymentNotes).values({
    id: createId(),
    paymentId: disputed.id,
    organizationId: cast.orgId,
    contractorId: cast.contractorId,
    authorUserId: cast.adminUserId,
    side: 'contractor',
    body: 'Nothing has arrived in our account yet: could you check the reference?',
    createdAt: day(-8, now),
  });
  if (document) await seedDemoInvoices(tx, cast, document, now);
}

export interface DemoDocument {
  sha256: string;
  size: number;
}

/** The demo invoices' document, stored before the demo's transaction (no file I/O inside it). */
export async function storeDemoInvoiceDocument(storage: Storage, business: string): Promise<DemoDocument> {
  const doc = await createPdf({ title: 'Demo invoice' });
  const bytes = pdfBytes(doc);
  drawTitle(doc, 'Invoice', 'Demo document');
  drawParties(doc, { heading: 'From', lines: [business] }, { heading: 'To', lines: ['Northwind Facilities'] });
  finishPdf(doc);
  const buffer = await bytes;
  const stored = await storage.put(Readable.from([buffer]));
  return { sha256: stored.sha256, size: buffer.length };
}

/** Invoices in every status, each with its line and a document (one stored PDF, a files row per invoice). */
async function seedDemoInvoices(tx: Tx, cast: MoneyCast, document: DemoDocument, now: Date): Promise<void> {
  const { sha256, size } = document;
  const specs = [
    { number: 'BL-2026-014', status: 'paid' as const, total: 240_000, offset: -50 },
    { number: 'BL-2026-015', status: 'approved' as const, total: 150_000, offset: -12 },
    {
      number: 'BL-2026-016',
      status: 'rejected' as const,
      total: 99_000,
      offset: -9,
      reason: 'The purchase order number is missing: please add PO-7731.',
    },
    { number: 'BL-2026-017', status: 'withdrawn' as const, total: 20_000, offset: -7 },
    { number: 'BL-2026-018', status: 'submitted' as const, total: 75_000, offset: -2 },
  ];
  const rows = specs.map((s) => ({
    id: createId(),
    fileId: createId(),
    ...s,
  }));
  await tx.insert(files).values(
    rows.map((r) => ({
      id: r.fileId,
      organizationId: cast.orgId,
      contractorId: cast.contractorId,
      uploadedByUserId: cast.adminUserId,
      sha256,
      size,
      mime: 'application/pdf',
      name: `${r.number}.pdf`,
    })),
  );
  await tx.insert(invoices).values(
    rows.map((r) => ({
      id: r.id,
      organizationId: cast.orgId,
      contractorId: cast.contractorId,
      engagementId: cast.engagementId,
      number: r.number,
      issueOn: isoDay(r.offset, now),
      dueOn: isoDay(r.offset + 30, now),
      currency: 'EUR',
      subtotalMinor: r.total,
      taxRateBp: 0,
      taxMinor: 0,
      totalMinor: r.total,
      status: r.status,
      rejectReason: r.reason ?? null,
      rejectedByUserId: r.status === 'rejected' ? cast.financeUserId : null,
      rejectedAt: r.status === 'rejected' ? day(r.offset + 1, now) : null,
      approvedByUserId: r.status === 'approved' || r.status === 'paid' ? cast.financeUserId : null,
      approvedAt: r.status === 'approved' || r.status === 'paid' ? day(r.offset + 1, now) : null,
      paidAt: r.status === 'paid' ? day(r.offset + 3, now) : null,
      fileId: r.fileId,
      submittedByUserId: cast.adminUserId,
      createdAt: day(r.offset, now),
      updatedAt: day(r.offset + 1, now),
    })),
  );
  await tx.insert(invoiceLines).values(
    rows.map((r) => ({
      id: createId(),
      invoiceId: r.id,
      organizationId: cast.orgId,
      contractorId: cast.contractorId,
      position: 1,
      description: 'Design work as agreed',
      quantityMilli: 1000,
      unitAmountMinor: r.total,
      amountMinor: r.total,
      live: r.status !== 'rejected' && r.status !== 'withdrawn',
    })),
  );
  const base = {
    organizationId: cast.orgId,
    contractorId: cast.contractorId,
    engagementId: cast.engagementId,
    currency: 'EUR',
    source: 'invoice' as const,
  };
  const paid = rows[0]!;
  const approved = rows[1]!;
  await tx.insert(payments).values([
    {
      ...base,
      id: createId(),
      invoiceId: paid.id,
      description: `Invoice ${paid.number}`,
      amountMinor: paid.total,
      status: 'received',
      method: 'wise',
      reference: `NW-${paid.number}`,
      sentOn: isoDay(paid.offset + 3, now),
      expectedOn: isoDay(paid.offset + 5, now),
      sentAt: day(paid.offset + 3, now),
      sentByUserId: cast.financeUserId,
      receivedAt: day(paid.offset + 5, now),
      createdByUserId: cast.financeUserId,
      createdAt: day(paid.offset + 1, now),
      updatedAt: day(paid.offset + 5, now),
    },
    {
      ...base,
      id: createId(),
      invoiceId: approved.id,
      description: `Invoice ${approved.number}`,
      amountMinor: approved.total,
      status: 'draft',
      createdByUserId: cast.financeUserId,
      createdAt: day(approved.offset + 1, now),
      updatedAt: day(approved.offset + 1, now),
    },
  ]);
}
