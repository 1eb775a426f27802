import { formatMoney } from '../../../shared/domain/money.ts';
import type { Tx } from '../../db/client.ts';
import type { jobs } from '../../db/schema/index.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectContractorMemberUserIds, selectReviewerUserIds } from '../organizations/organizations.service.ts';

type JobRow = typeof jobs.$inferSelect;

/** "Job 1042 at Harbour Tower": how a job is named in notifications and emails. */
export function jobLabel(row: Pick<JobRow, 'number' | 'siteName'>): string {
  return `Job ${row.number} at ${row.siteName}`;
}

/** The contractor's members hear about a job: in the app, and by email (a digest with the link). */
export async function tellJobContractor(tx: Tx, row: JobRow, type: string, title: string, body: string): Promise<void> {
  await notify(tx, {
    userIds: selectContractorMemberUserIds(tx, row.contractorId),
    organizationId: row.organizationId,
    contractorId: row.contractorId,
    type,
    title,
    body,
    link: `/portal/jobs/${row.id}`,
  });
}

/** The company's reviewers (owners, admins, managers) hear what the contractor did with a job. */
export async function tellJobCompany(tx: Tx, row: JobRow, type: string, title: string, body: string): Promise<void> {
  await notify(tx, {
    userIds: selectReviewerUserIds(tx, row.organizationId),
    organizationId: row.organizationId,
    contractorId: row.contractorId,
    type,
    title,
    body,
    link: `/app/jobs/${row.id}`,
  });
}

/** The summary of an assignment the contractor reads in the email: site, due date, PO, what is needed. */
export function assignmentSummary(row: JobRow): string {
  const parts = [`${row.siteName}, ${row.siteAddress}.`, `Due ${row.dueOn}.`];
  if (row.poNumber)
    parts.push(
      `PO ${row.poNumber}${row.poAmountMinor && row.poCurrency ? ` (${formatMoney({ amountMinor: row.poAmountMinor, currency: row.poCurrency }, 'en-US')})` : ''}.`,
    );
  if (row.priority !== 'normal') parts.push(`Priority: ${row.priority}.`);
  if (row.requiredAccreditations.length > 0) parts.push(`Requires: ${row.requiredAccreditations.join(', ').replaceAll('_', ' ')}.`);
  if (row.description) parts.push(row.description.length > 300 ? `${row.description.slice(0, 300)}…` : row.description);
  return parts.join(' ');
}
