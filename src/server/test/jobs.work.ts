/*
 * Scenes for job tests: files uploaded for an engagement, jobs created through the API, and a
 * technician put on a job (the technicians module's endpoint does that in the app; tests set the
 * scene directly, as the world does).
 */
import { eq } from 'drizzle-orm';
import { jobs, jobTechnicians } from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import type { TestApp } from './test-app.ts';
import { clientFor, type Persona, type World } from './world.ts';

export function multipart(name: string, content: string | Buffer, type = 'text/plain') {
  const boundary = '----portico-jobs';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(head),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads a small text file for the engagement as the persona; its id. */
export async function uploadFor(t: TestApp, persona: Persona, engagementId: string, name = 'note.txt', content = 'hello'): Promise<string> {
  const res = await clientFor(t, persona).request('POST', `/api/files?engagementId=${engagementId}`, undefined, multipart(name, content));
  if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
  return res.json().id;
}

export const jobInput = (engagementId: string, extra: Record<string, unknown> = {}) => ({
  engagementId,
  siteName: 'Harbour Tower',
  siteAddress: '1 Quay Street, Sydney',
  description: 'Annual fire systems inspection',
  dueOn: '2027-01-15',
  priority: 'high',
  poNumber: 'PO-1001',
  poAmountMinor: 125_000,
  poCurrency: 'AUD',
  accessDetails: 'Gate code 4321; keys at reception',
  requiredAccreditations: ['fire_systems'],
  ...extra,
});

/** A job of organization A assigned to contractor X (created by A's owner); its id. */
export async function createJob(t: TestApp, w: World, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await clientFor(t, w.aOwner).post('/api/jobs', jobInput(w.engagementAX, extra));
  if (res.statusCode !== 201) throw new Error(`create job answered ${res.statusCode}: ${res.body}`);
  return res.json().id;
}

/** The technician id behind a technician persona (its membership context is `technician:<id>`). */
export function technicianIdOf(persona: Persona): string {
  return persona.context.replace(/^technician:/, '');
}

/** Puts a technician on a job (the scene; the app does it through the technicians module). */
export async function putTechnicianOnJob(t: TestApp, jobId: string, technician: Persona, by: Persona): Promise<void> {
  const [job] = await t.db.select().from(jobs).where(eq(jobs.id, jobId));
  await t.db.insert(jobTechnicians).values({
    id: createId(),
    jobId,
    organizationId: job!.organizationId,
    contractorId: job!.contractorId,
    technicianId: technicianIdOf(technician),
    assignedByUserId: by.userId,
  });
}
