/* The scene of the site-work tests (issue 10): a scheduled job of A and X with three service tasks, assigned to X's technician. */
import { jobTasks } from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import { drawScenePng, drawScrawlPng } from '../lib/png.encode.ts';
import { multipartBody } from './payments.fixtures.ts';
import { assignJob, insertJob } from './technicians.fixtures.ts';
import type { TestApp } from './test-app.ts';
import { clientFor, type Persona, type World } from './world.ts';

export const signaturePng = drawScrawlPng(240, 80, 1);
export const signatureBase64 = signaturePng.toString('base64');
export const contactSignatureBase64 = drawScrawlPng(240, 80, 2).toString('base64');
export const photoPng = drawScenePng(64, 48, 0);

/** The three tasks: a result and a photo required; a result required, photos optional; nothing required, no photos or defects. */
export const sceneTasks = [
  { title: 'Test the fire panel', resultRequired: true, defectsAllowed: true, photos: 'required' as const },
  { title: 'Check the extinguishers', resultRequired: true, defectsAllowed: true, photos: 'optional' as const },
  { title: 'Tidy the plant room', resultRequired: false, defectsAllowed: false, photos: 'none' as const },
];

export async function insertSiteJob(
  t: TestApp,
  w: World,
  options: { technicians?: Persona[]; status?: 'scheduled' | 'in_progress' | 'revisit' } = {},
) {
  const job = await insertJob(t, {
    organizationId: w.orgA,
    contractorId: w.contractorX,
    engagementId: w.engagementAX,
    createdByUserId: w.aOwner.userId,
    status: options.status ?? 'scheduled',
    siteName: `Harbour Tower ${createId().slice(0, 4)}`,
  });
  const taskIds = sceneTasks.map(() => createId());
  await t.db.insert(jobTasks).values(
    sceneTasks.map((task, i) => ({
      id: taskIds[i]!,
      jobId: job.id,
      organizationId: w.orgA,
      contractorId: w.contractorX,
      position: i + 1,
      ...task,
    })),
  );
  for (const technician of options.technicians ?? [w.xTech])
    await assignJob(t, job, {
      organizationId: w.orgA,
      contractorId: w.contractorX,
      technicianId: technician.context.replace('technician:', ''),
      byUserId: w.xAdmin.userId,
    });
  return { ...job, taskIds: taskIds as [string, string, string] };
}

/** Uploads bytes through POST /api/files as the persona (a phone's photo upload); answers the file id. */
export async function uploadAs(t: TestApp, persona: Persona, content: Buffer, name = 'photo.png'): Promise<string> {
  const res = await clientFor(t, persona).request('POST', '/api/files', undefined, multipartBody(name, content));
  if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
  return res.json().id as string;
}

/** A complete "performed" body: notes, both signatures. */
export const performBody = {
  notes: 'Panel tested, one extinguisher replaced.',
  technician: { signaturePng: signatureBase64 },
  siteContact: { name: 'Sam Site', signaturePng: contactSignatureBase64 },
};
