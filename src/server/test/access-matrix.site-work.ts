/* The access matrix's site-work scene (issue 10): the victim's job performed on site, its tables, and who may see it. */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { jobSignoffs, jobSiteVisits, jobTaskDefects, jobTaskPhotos, sitePreferences } from '../db/schema/index.ts';
import type { Victim } from './access-matrix.types.ts';
import { insertSiteJob, performBody, photoPng, uploadAs } from './site-work.fixtures.ts';
import type { TestApp } from './test-app.ts';
import { clientFor, type Persona, type World } from './world.ts';

/**
 * The access matrix's victim (A and X): a job performed on site by the given technician, with a
 * failed task and its defect, a photo, both signatures and the report; and X's admin's mobile number.
 */
export async function performVictimSiteJob(t: TestApp, w: World, technician: Persona) {
  const job = await insertSiteJob(t, w, { technicians: [technician] });
  const tech = clientFor(t, technician);
  const must = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
    const answer = await res;
    if (answer.statusCode !== status) throw new Error(`victim site job: ${answer.statusCode} ${answer.body}`);
    return answer.json() as { id: string };
  };
  await must(tech.post(`/api/jobs/${job.id}/on-site`, { location: { latitude: 51.5, longitude: -0.12, accuracyM: 20 } }));
  const defects = [{ description: 'Victim defect', severity: 'high' }];
  await must(
    tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, { result: 'fail', defects, remarks: 'Victim remark' }),
  );
  await must(tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[1]}/answer`, { result: 'pass' }));
  const fileId = await uploadAs(t, technician, photoPng);
  const photo = await must(tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId }), 201);
  await must(tech.post(`/api/jobs/${job.id}/performed`, performBody));
  await must(clientFor(t, w.xAdmin).request('PUT', '/api/preferences/mobile', { mobile: '+447700900123' }));
  return { jobId: job.id, taskId: job.taskIds[0], photoId: photo.id };
}

/** The site-work rows of A and X, for the snapshot that must not change. */
export function siteWorkSnapshot(t: TestApp, w: World) {
  return [
    t.db.select().from(jobTaskDefects).where(eq(jobTaskDefects.organizationId, w.orgA)),
    t.db.select().from(jobTaskPhotos).where(eq(jobTaskPhotos.organizationId, w.orgA)),
    t.db.select().from(jobSiteVisits).where(eq(jobSiteVisits.organizationId, w.orgA)),
    t.db.select().from(jobSignoffs).where(eq(jobSignoffs.organizationId, w.orgA)),
    t.db.select().from(sitePreferences).where(eq(sitePreferences.contractorId, w.contractorX)),
  ];
}

/** The company, the contractor and the job's technician read the site sheet, its photo and its report (the matrix is not vacuous). */
export async function expectSiteWorkVisible(t: TestApp, w: World, victim: Victim, technician: Persona) {
  for (const persona of [w.aViewer, w.xOffice, technician]) {
    expect((await clientFor(t, persona).get(`/api/jobs/${victim.siteJobId}/site`)).body).toContain(victim.sitePhotoId);
    expect((await clientFor(t, persona).get(`/api/jobs/${victim.siteJobId}/photos/${victim.sitePhotoId}`)).statusCode).toBe(200);
    expect((await clientFor(t, persona).get(`/api/jobs/${victim.siteJobId}/report`)).statusCode).toBe(200);
  }
  expect((await clientFor(t, w.xAdmin).get('/api/preferences')).json().mobile).toBe('+447700900123');
}
