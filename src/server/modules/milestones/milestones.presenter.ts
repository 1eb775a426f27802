import { isMilestoneOverdue } from '../../../shared/domain/milestone.machine.ts';
import { todayIn } from '../../../shared/domain/time-zone.ts';
import type { Actor } from '../../access/actor.ts';
import { milestoneAbilities } from '../../access/policies.ts';
import type { contracts, contractors, files, milestoneSubmissions, milestones, organizations } from '../../db/schema/index.ts';
import { presentFile } from '../files/files.service.ts';

type MilestoneRow = typeof milestones.$inferSelect;

export interface MilestoneListRow {
  milestone: MilestoneRow;
  contractTitle: (typeof contracts.$inferSelect)['title'];
  contractStatus: (typeof contracts.$inferSelect)['status'];
  /** The contract's engagement (its message thread). */
  engagementId: (typeof contracts.$inferSelect)['engagementId'];
  organizationName: (typeof organizations.$inferSelect)['name'];
  /** The organization's calendar: a milestone is overdue the day after its due date there. */
  organizationTimeZone: (typeof organizations.$inferSelect)['timeZone'];
  contractorName: (typeof contractors.$inferSelect)['name'];
  changesRequestedReason: string | null;
}

/** A milestone in the API's shape, with what the actor may do with it. */
export function presentMilestone(actor: Actor, row: MilestoneListRow, paymentId: string | null, now: Date) {
  const {
    milestone: m,
    contractTitle,
    contractStatus,
    engagementId,
    organizationName,
    organizationTimeZone,
    contractorName,
    changesRequestedReason,
  } = row;
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    dueDate: m.dueDate,
    amountMinor: m.amountMinor,
    currency: m.currency,
    status: m.status,
    version: m.version,
    overdue: isMilestoneOverdue(m, todayIn(organizationTimeZone, now)),
    contract: { id: m.contractId, title: contractTitle, status: contractStatus, engagementId },
    organization: { id: m.organizationId, name: organizationName },
    contractor: { id: m.contractorId, name: contractorName },
    submittedAt: m.submittedAt?.toISOString() ?? null,
    approvedAt: m.approvedAt?.toISOString() ?? null,
    changesRequestedReason: m.status === 'changes_requested' ? changesRequestedReason : null,
    paymentId,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    abilities: milestoneAbilities(actor, m, contractStatus),
  };
}

/** One "Ready for review" with its files and how it was reviewed. */
export function presentSubmission(
  row: { submission: typeof milestoneSubmissions.$inferSelect; submittedByName: string | null; reviewedByName: string | null },
  attached: Array<{ submissionId: string | null; file: typeof files.$inferSelect }>,
) {
  const { submission: s, submittedByName, reviewedByName } = row;
  return {
    id: s.id,
    version: s.version,
    note: s.note,
    links: s.links,
    files: attached.filter((a) => a.submissionId === s.id).map((a) => presentFile(a.file)),
    submittedByName,
    createdAt: s.createdAt.toISOString(),
    review:
      s.reviewOutcome && s.reviewedAt
        ? { outcome: s.reviewOutcome, note: s.reviewNote, reviewedByName, reviewedAt: s.reviewedAt.toISOString() }
        : null,
  };
}
