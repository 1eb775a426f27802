import type { Tx } from '../../db/client.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectReviewerUserIds } from '../organizations/organizations.service.ts';
import type { LockedJob } from './jobs.desk.queries.ts';
import type { DeskTechnician } from './jobs.desk.technicians.ts';

/*
 * What a bulk request tells people: ONE notification per technician for the whole batch (the
 * digest makes it one email), and one per organization for the jobs of it that moved.
 */

function jobsWord(n: number): string {
  return `${n} job${n === 1 ? '' : 's'}`;
}

/** Each technician newly put on jobs hears once: how many, and when (the technician view lists them). */
export async function tellTechnicians(
  tx: Tx,
  people: readonly DeskTechnician[],
  added: ReadonlyMap<string, readonly string[]>,
  scheduledOn: string | null,
): Promise<void> {
  for (const person of people) {
    const jobIds = added.get(person.id);
    if (!jobIds?.length) continue;
    await notify(tx, {
      userIds: [person.userId],
      type: 'job.technician_assigned',
      title: `${jobsWord(jobIds.length)} assigned to you`,
      body: `${jobsWord(jobIds.length)} ${jobIds.length === 1 ? 'was' : 'were'} assigned to you${scheduledOn ? `, scheduled for ${scheduledOn}` : ''}. Open your jobs to see the sites, access details and documents.`,
      link: jobIds.length === 1 ? `/tech/jobs/${jobIds[0]}` : '/tech/jobs',
    });
  }
}

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
