import type { PaymentStatus } from '../../shared/domain/payment.machine.ts';
import type { PaymentMethod, PaymentSource } from '../../shared/domain/payment.rules.ts';
import type { InvoiceStatus } from '../../shared/domain/invoice.machine.ts';
import { files, invoices, payments } from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import type { TestApp } from './test-app.ts';

export interface ScenePayment {
  organizationId: string;
  contractorId: string;
  engagementId: string;
  status: PaymentStatus;
  amountMinor: number;
  currency?: string;
  /** When it was approved (created). */
  createdAt?: Date;
  /** When it was last changed (a cancelled payment's cancellation). */
  updatedAt?: Date;
  sentOn?: string;
  expectedOn?: string;
  method?: PaymentMethod;
  reference?: string;
  description?: string;
  source?: PaymentSource;
}

/**
 * Payments set straight into the database to make a scene for reads (statements, balances,
 * exports, Home), in any status and at any date, many at once: one statement per call.
 */
export async function insertPayments(t: TestApp, rows: readonly ScenePayment[]): Promise<string[]> {
  const values = rows.map((row) => {
    const sent = row.status !== 'draft' && row.status !== 'cancelled';
    return {
      id: createId(),
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      engagementId: row.engagementId,
      source: row.source ?? 'manual',
      description: row.description ?? 'Work',
      amountMinor: row.amountMinor,
      currency: row.currency ?? 'EUR',
      status: row.status,
      method: sent ? (row.method ?? 'wise') : null,
      reference: sent ? (row.reference ?? 'REF-1') : null,
      sentOn: sent ? (row.sentOn ?? '2026-06-01') : null,
      expectedOn: sent ? (row.expectedOn ?? row.sentOn ?? '2026-06-03') : null,
      sentAt: sent ? new Date(`${row.sentOn ?? '2026-06-01'}T12:00:00Z`) : null,
      createdAt: row.createdAt ?? new Date('2026-05-01T12:00:00Z'),
      updatedAt: row.updatedAt ?? row.createdAt ?? new Date('2026-05-01T12:00:00Z'),
    };
  });
  for (let i = 0; i < values.length; i += 2000) await t.db.insert(payments).values(values.slice(i, i + 2000));
  return values.map((v) => v.id);
}

export interface SceneInvoice {
  organizationId: string;
  contractorId: string;
  engagementId: string;
  submittedByUserId: string;
  number: string;
  status: InvoiceStatus;
  totalMinor: number;
  currency?: string;
  issueOn?: string;
  rejectReason?: string;
  correctsInvoiceId?: string;
}

/** Invoices set straight into the database (with a files row for their document), for reads. */
export async function insertInvoices(t: TestApp, rows: readonly SceneInvoice[]): Promise<string[]> {
  const ids: string[] = [];
  for (const row of rows) {
    const fileId = createId();
    await t.db.insert(files).values({
      id: fileId,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      uploadedByUserId: row.submittedByUserId,
      sha256: '0'.repeat(64),
      size: 1,
      mime: 'application/pdf',
      name: `${row.number}.pdf`,
    });
    const id = createId();
    await t.db.insert(invoices).values({
      id,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      engagementId: row.engagementId,
      number: row.number,
      issueOn: row.issueOn ?? '2026-03-01',
      dueOn: row.issueOn ?? '2026-03-01',
      currency: row.currency ?? 'EUR',
      subtotalMinor: row.totalMinor,
      taxRateBp: 0,
      taxMinor: 0,
      totalMinor: row.totalMinor,
      status: row.status,
      rejectReason: row.rejectReason ?? null,
      correctsInvoiceId: row.correctsInvoiceId ?? null,
      fileId,
      submittedByUserId: row.submittedByUserId,
    });
    ids.push(id);
  }
  return ids;
}
