import { eq } from 'drizzle-orm';
import type { JobEvent } from '../../shared/domain/job.machine.ts';
import type { RequestContext } from '../access/actor.ts';
import type { Db } from '../db/client.ts';
import { jobTechnicians, technicians } from '../db/schema/index.ts';
import { runInTransaction } from '../db/transaction.ts';
import { createId } from '../lib/ids.ts';
import { createJobTemplate } from '../modules/jobs/job-templates.service.ts';
import { fireJobEvent } from '../modules/jobs/jobs.events.ts';
import { createJobs } from '../modules/jobs/jobs.service.ts';
import { daysFromNow } from './demo.data.ts';

const sites = [
  ['Harbour Tower', '1 Quay Street'],
  ['Northgate Mall', '220 Northgate Road'],
  ['Riverside Clinic', '14 River Lane'],
  ['Westfield Depot', '3 Depot Way'],
  ['Old Town Library', '9 Market Square'],
  ['Bayview Apartments', '77 Bay Road'],
  ['Central Station', '1 Station Plaza'],
  ['Parkside School', '40 Park Avenue'],
  ['Hillcrest Offices', '5 Hill Street'],
  ['Lakeside Hotel', '2 Shore Drive'],
  ['Eastgate Warehouse', '18 Dock Road'],
  ['City Hall Annex', '12 Civic Place'],
] as const;

/**
 * Where each demo job ends up, and the events (as the demo people would fire them) that take it
 * there from `assigned`. Company events are the owner's, the rest the contractor's admin's.
 */
const paths: Array<{ events: JobEvent[]; technician?: boolean }> = [
  { events: [] },
  { events: [] },
  { events: ['accept'] },
  { events: ['reject'] },
  { events: ['accept', 'schedule'], technician: true },
  { events: ['accept', 'schedule', 'start'], technician: true },
  { events: ['accept', 'schedule', 'start', 'require_revisit'], technician: true },
  { events: ['accept', 'schedule', 'start', 'perform'], technician: true },
  { events: ['accept', 'complete'] },
  { events: ['accept', 'complete', 'close'] },
  { events: ['cancel'] },
  { events: ['accept', 'complete', 'close', 'archive'] },
];

const companyEvents: readonly JobEvent[] = ['reassign', 'close', 'send_back', 'cancel', 'archive'];

function extraFor(event: JobEvent, i: number) {
  if (event === 'accept') return { set: { targetOn: daysFromNow(5 + i) } };
  if (event === 'reject') return { set: { rejectReason: 'No electrician free that week.' }, note: 'No electrician free that week.' };
  if (event === 'schedule') return { set: { scheduledOn: daysFromNow(2 + i) } };
  if (event === 'require_revisit') return { note: 'Access to the plant room was locked.' };
  // The demo keeps no files, so its completed jobs carry the on-site date without documents.
  if (event === 'complete') return { set: { performedOn: daysFromNow(-3) } };
  if (event === 'cancel') return { set: { cancelReason: 'The tenant moved out.' }, note: 'The tenant moved out.' };
  if (event === 'archive') return { set: { archivedAt: new Date() } };
  return {};
}

/**
 * Jobs for the demo contractor (Harbor Electrical): one template, and a job in every status of
 * the job machine, the on-site ones with its technician, made through the services. The large
 * desk-view set comes separately.
 */
export async function seedDemoJobs(db: Db, owner: RequestContext, contractor: RequestContext, engagementId: string): Promise<void> {
  const template = await createJobTemplate(db, owner, {
    name: 'Quarterly electrical safety check',
    description: 'Switchboards, RCDs and emergency lighting.',
    tasks: [
      { title: 'Inspect the main switchboard', resultRequired: true, defectsAllowed: true, photos: 'required' },
      { title: 'Test every RCD', resultRequired: true, defectsAllowed: true, photos: 'optional' },
      { title: 'Test the emergency lighting', resultRequired: true, defectsAllowed: true, photos: 'optional' },
    ],
  });
  const contractorId = contractor.actor.kind === 'contractor' ? contractor.actor.contractorId : '';
  const [tech] = await db.select({ id: technicians.id }).from(technicians).where(eq(technicians.contractorId, contractorId));
  // All the jobs in one creation (what a company's form does for one), then each through its events.
  const created = await createJobs(
    db,
    owner,
    paths.map((_, i) => {
      const [siteName, siteAddress] = sites[i % sites.length]!;
      return {
        engagementId,
        templateId: template.id,
        siteName,
        siteAddress,
        description: 'Quarterly electrical safety check of the common areas.',
        dueOn: daysFromNow(i * 3 - 6),
        priority: i % 4 === 0 ? ('high' as const) : ('normal' as const),
        poNumber: `PO-${4100 + i}`,
        poAmountMinor: 45_000 + i * 2_500,
        poCurrency: 'EUR',
        accessDetails: 'Keys at reception; ask for the building manager.',
        requiredAccreditations: ['electrical_licence' as const, ...(i % 3 === 0 ? (['working_at_heights'] as const) : [])],
        fileIds: [],
      };
    }),
  );
  for (const [i, path] of paths.entries()) {
    const job = created[i]!;
    await runInTransaction(db, async (tx) => {
      for (const event of path.events) {
        if (event === 'schedule' && path.technician && tech)
          await tx.insert(jobTechnicians).values({
            id: createId(),
            jobId: job.id,
            organizationId: job.organizationId,
            contractorId,
            technicianId: tech.id,
            assignedByUserId: contractor.user.id,
          });
        await fireJobEvent(tx, companyEvents.includes(event) ? owner : contractor, job.id, event, extraFor(event, i));
      }
    });
  }
}
