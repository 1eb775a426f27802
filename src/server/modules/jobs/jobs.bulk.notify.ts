import type { Tx } from '../../db/client.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectReviewerUserIds } from '../organizations/organizations.service.ts';
import type { LockedJob } from './jobs.desk.queries.ts';

/*
 * What a bulk request tells the company: one notification per organization for the jobs of it
 * that moved. (Technicians hear through technicians.notify.ts: one notice per technician per batch.)
 */

/** The company's people who run work hear once per organization: how many of their jobs moved. */
export async function tellOrganizations(
  tx: Tx,
  moved: readonly LockedJob[],
  type: string,
  title: (n: number) => string,
  extra?: string,
): Promise<void> {
  const byOrganization = new Map<string, LockedJob[]>();
  for (const row of moved) byOrganization.set(row.organizationId, [...(byOrganization.get(row.organizationId) ?? []), row]);
  for (const [organizationId, rows] of byOrganization) {
    const named = rows
      .slice(0, 5)
      .map((row) => `#${row.number} ${row.siteName}`)
      .join(', ');
    await notify(tx, {
      userIds: selectReviewerUserIds(tx, organizationId),
      organizationId,
      contractorId: rows[0]!.contractorId,
      type,
      title: title(rows.length),
      body: `${named}${rows.length > 5 ? ` and ${rows.length - 5} more` : ''}.${extra ? ` ${extra}` : ''}`,
      link: rows.length === 1 ? `/app/jobs/${rows[0]!.id}` : '/app/jobs',
    });
  }
}
