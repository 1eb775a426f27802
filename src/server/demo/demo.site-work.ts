import { and, asc, eq } from 'drizzle-orm';
import type { RequestContext } from '../access/actor.ts';
import type { Db } from '../db/client.ts';
import { jobTasks, jobTechnicians, jobTemplates, technicians, users } from '../db/schema/index.ts';
import { runInTransaction } from '../db/transaction.ts';
import { createId } from '../lib/ids.ts';
import { drawScenePng, drawScrawlPng } from '../lib/png.encode.ts';
import type { Storage } from '../lib/storage.ts';
import { recordGeneratedFile, storeGeneratedBytes } from '../modules/files/files.service.ts';
import { completeJob, closeJob, fireJobEvent } from '../modules/jobs/jobs.events.ts';
import { createJobs } from '../modules/jobs/jobs.service.ts';
import { performWork } from '../modules/site-work/site-work.perform.ts';
import { answerTask, attachPhoto, goOnSite } from '../modules/site-work/site-work.service.ts';
import { daysFromNow } from './demo.data.ts';

/** The demo's on-site work: where, how far it got, and what the technician found. */
const demoSiteJobs = [
  { siteName: 'Marina Plaza', siteAddress: '8 Marina Walk', until: 'in_progress' as const, fail: false },
  { siteName: 'Quayside Car Park', siteAddress: '2 Ferry Road', until: 'performed_need_docs' as const, fail: true },
  { siteName: 'Foundry Lofts', siteAddress: '31 Foundry Street', until: 'closed' as const, fail: false },
];

/**
 * A photo as the technician's phone would upload it: a drawn PNG stored as the technician's own
 * file (what POST /api/files does), ready to attach.
 */
async function uploadDemoPhoto(db: Db, storage: Storage, tech: RequestContext, seed: number): Promise<string> {
  const stored = await storeGeneratedBytes(storage, drawScenePng(160, 120, seed));
  const contractorId = tech.actor.kind === 'technician' ? tech.actor.contractorId : '';
  const file = await runInTransaction(db, (tx) =>
    recordGeneratedFile(tx, tech, stored, { organizationId: null, contractorId, mime: 'image/png', name: `site-photo-${seed}.png` }),
  );
  return file.id;
}

/**
 * Harbor Electrical's technician Tess on site, through the site-work services: a job in progress
 * with answers and a photo, a job performed with defects, photos and both signatures (its report
 * attached), and one completed with that report and closed by the company.
 */
export async function seedDemoSiteWork(db: Db, storage: Storage, owner: RequestContext, office: RequestContext, engagementId: string) {
  const contractorId = office.actor.kind === 'contractor' ? office.actor.contractorId : '';
  const [tess] = await db
    .select({ technicianId: technicians.id, userId: users.id, name: users.name, email: users.email })
    .from(technicians)
    .innerJoin(users, eq(users.id, technicians.userId))
    .where(and(eq(technicians.contractorId, contractorId), eq(users.email, 'tess.tech@harbor-electric.example')));
  const [template] = await db
    .select({ id: jobTemplates.id })
    .from(jobTemplates)
    .where(eq(jobTemplates.name, 'Quarterly electrical safety check'));
  if (!tess || !template) return;
  const tech: RequestContext = {
    actor: { kind: 'technician', userId: tess.userId, contractorId, technicianId: tess.technicianId },
    user: { id: tess.userId, name: tess.name, email: tess.email, twoFactorEnabled: false },
    sessionId: 'demo',
    requestId: createId(),
    ip: 'demo',
  };
  const created = await createJobs(
    db,
    owner,
    demoSiteJobs.map((plan, i) => ({
      engagementId,
      templateId: template.id,
      siteName: plan.siteName,
      siteAddress: plan.siteAddress,
      description: 'Quarterly electrical safety check of the plant rooms.',
      dueOn: daysFromNow(2 + i),
      priority: 'normal' as const,
      poNumber: `PO-${4300 + i}`,
      poAmountMinor: 52_000,
      poCurrency: 'EUR',
      accessDetails: 'Plant room key in the lockbox, code 2468.',
      requiredAccreditations: ['electrical_licence' as const],
      fileIds: [],
    })),
  );
  for (const [i, plan] of demoSiteJobs.entries()) {
    const job = created[i]!;
    await runInTransaction(db, async (tx) => {
      await tx.insert(jobTechnicians).values({
        id: createId(),
        jobId: job.id,
        organizationId: job.organizationId,
        contractorId,
        technicianId: tess.technicianId,
        assignedByUserId: office.user.id,
      });
      await fireJobEvent(tx, office, job.id, 'accept', { set: { targetOn: daysFromNow(1) } });
      await fireJobEvent(tx, office, job.id, 'schedule', { set: { scheduledOn: daysFromNow(0) } });
    });
    await goOnSite(db, tech, job.id, { location: { latitude: 53.3498 + i / 100, longitude: -6.2603, accuracyM: 15 }, at: undefined });
    const tasks = await db.select().from(jobTasks).where(eq(jobTasks.jobId, job.id)).orderBy(asc(jobTasks.position));
    for (const [n, task] of tasks.entries()) {
      const failed = plan.fail && n === 1;
      await answerTask(db, tech, job.id, task.id, {
        result: failed ? 'fail' : 'pass',
        defects: failed
          ? [
              { description: 'RCD on circuit 4 trips at 45 mA (limit 30 mA).', severity: 'high' },
              { description: 'Missing circuit labels on board DB-2.', severity: 'low' },
            ]
          : [],
        remarks: failed ? 'Replacement RCD quoted separately.' : n === 0 ? 'Board clean, no signs of overheating.' : null,
        at: undefined,
      });
      if (n === 0 || failed)
        await attachPhoto(db, tech, job.id, task.id, {
          fileId: await uploadDemoPhoto(db, storage, tech, i * 3 + n),
          caption: task.title,
          at: undefined,
        });
      if (plan.until === 'in_progress' && n === 0) break;
    }
    if (plan.until === 'in_progress') continue;
    const sheet = await performWork(db, storage, tech, job.id, {
      notes: plan.fail ? 'One RCD failed its trip test; the rest passed.' : 'All checks passed.',
      technician: { signaturePng: drawScrawlPng(300, 100, i).toString('base64'), name: undefined, signedAt: undefined },
      siteContact: { name: 'Morgan Facilities', signaturePng: drawScrawlPng(300, 100, i + 5).toString('base64'), signedAt: undefined },
      at: undefined,
    });
    if (plan.until !== 'closed' || !sheet.signoff?.report) continue;
    await completeJob(db, office, job.id, {
      performedOn: daysFromNow(0),
      documents: [{ fileId: sheet.signoff.report.fileId, kind: 'report' }],
    });
    await closeJob(db, owner, job.id, 'Report reviewed.');
  }
}
