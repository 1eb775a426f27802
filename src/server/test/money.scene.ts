import type { PaymentStatus } from '../../shared/domain/payment.machine.ts';
import type { PaymentMethod, PaymentSource } from '../../shared/domain/payment.rules.ts';
import { payments } from '../db/schema/index.ts';
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
