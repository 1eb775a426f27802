import { eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { formatMoney } from '../../../shared/domain/money.ts';
import type { FourEyesRule } from '../../../shared/domain/payment.rules.ts';
import type { fourEyesInputSchema } from '../../../shared/schemas/payment.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { paymentRoleAbilities } from '../../access/policies.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Executor } from '../../db/client.ts';
import { paymentApprovalRules, payments } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { forbidden } from '../../lib/errors.ts';
import { assertExpectedVersion, type ExpectedVersion } from '../../lib/versions.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectPayerUserIds } from '../organizations/organizations.service.ts';

const OFF: FourEyesRule = { enabled: false, thresholds: [] };

/** The organization's four-eyes rule (off when never set). */
export async function readFourEyesRule(db: Executor, organizationId: string): Promise<FourEyesRule & { version: number }> {
  const [row] = await db.select().from(paymentApprovalRules).where(eq(paymentApprovalRules.organizationId, organizationId));
  return row ? { enabled: row.enabled, thresholds: row.thresholds, version: row.version } : { ...OFF, version: 0 };
}

function staffOrganization(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'staff') throw forbidden('Only staff of an organization have payment settings.');
  return ctx.actor.organizationId;
}

export async function getFourEyes(db: Db, ctx: RequestContext) {
  const rule = await readFourEyesRule(db, staffOrganization(ctx));
  return {
    enabled: rule.enabled,
    thresholds: [...rule.thresholds],
    version: rule.version,
    abilities: { update: paymentRoleAbilities(ctx.actor).manageFourEyes },
  };
}

/** Owners and admins set the rule; the version (If-Match) guards against overwriting someone else's change. */
export async function updateFourEyes(db: Db, ctx: RequestContext, input: z.infer<typeof fourEyesInputSchema>, expected: ExpectedVersion) {
  const organizationId = staffOrganization(ctx);
  if (!paymentRoleAbilities(ctx.actor).manageFourEyes) throw forbidden('Only owners and admins change the four-eyes rule.');
  await runInTransaction(db, async (tx) => {
    const before = await readFourEyesRule(tx, organizationId);
    assertExpectedVersion(expected, 'The four-eyes rule', before.version);
    await tx
      .insert(paymentApprovalRules)
      .values({ organizationId, enabled: input.enabled, thresholds: input.thresholds, version: 1, updatedByUserId: ctx.user.id })
      .onConflictDoUpdate({
        target: paymentApprovalRules.organizationId,
        set: {
          enabled: input.enabled,
          thresholds: input.thresholds,
          version: sql`${paymentApprovalRules.version} + 1`,
          updatedByUserId: ctx.user.id,
          updatedAt: new Date(),
        },
      });
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId,
      action: 'payment_approval_rule.updated',
      entityType: 'payment_approval_rule',
      entityId: organizationId,
      before: { enabled: before.enabled, thresholds: before.thresholds },
      after: { enabled: input.enabled, thresholds: input.thresholds },
      ip: ctx.ip,
    });
  });
  return getFourEyes(db, ctx);
}

/**
 * Whether the payment row needs a second approval under its organization's rule, as SQL: read in
 * the RETURNING of the insert that creates a draft, so the check costs no statement of its own.
 * The same rule as `needsSecondApproval` in src/shared/domain/payment.rules.ts.
 */
export function needsSecondApprovalSql(): SQL<boolean> {
  return sql<boolean>`exists (
    select 1 from ${paymentApprovalRules} r, jsonb_array_elements(r.thresholds) t
    where r.organization_id = ${payments.organizationId} and r.enabled
      and t->>'currency' = ${payments.currency} and (t->>'minAmountMinor')::bigint <= ${payments.amountMinor})`;
}

/** Tells the staff who may approve (owners, admins, finance; never the creator) that a draft waits for them. */
export async function notifyAwaitingApproval(
  tx: Executor,
  payment: Pick<typeof payments.$inferSelect, 'id' | 'organizationId' | 'amountMinor' | 'currency' | 'description' | 'createdByUserId'>,
): Promise<void> {
  await notify(tx, {
    userIds: selectPayerUserIds(tx, payment.organizationId, payment.createdByUserId ? [payment.createdByUserId] : []),
    organizationId: payment.organizationId,
    type: 'payment.awaiting_approval',
    title: `Payment awaiting your approval: ${formatMoney(payment, 'en-US')}`,
    body: `${payment.description ?? 'A payment'} needs a second approval before it can be sent.`,
    link: `/app/payments/${payment.id}`,
  });
}
