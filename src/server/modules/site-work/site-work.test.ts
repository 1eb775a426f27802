import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, jobDocuments, jobSignoffs, jobSiteVisits, jobs, jobTaskDefects, notifications } from '../../db/schema/index.ts';
import { extractPdfText } from '../../test/pdf.text.ts';
import { racesAreReal, raceTitle } from '../../test/race.ts';
import { insertSiteJob, performBody, photoPng, signatureBase64, uploadAs } from '../../test/site-work.fixtures.ts';
import { addTechnicianPersona } from '../../test/technicians.fixtures.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('site work: on site, revisit, answers, photos, performed, the report', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('"I\'m on site" records the time and location; another technician of the contractor sees nothing; the company may not press it', async () => {
    const job = await insertSiteJob(t, w);
    const other = await addTechnicianPersona(t, w.contractorX, 'not-on-job');
    expect((await clientFor(t, other).post(`/api/jobs/${job.id}/on-site`, {})).statusCode).toBe(404);
    expect((await clientFor(t, w.aOwner).post(`/api/jobs/${job.id}/on-site`, {})).statusCode).toBe(403);
    const bad = await clientFor(t, w.xTech).post(`/api/jobs/${job.id}/on-site`, { location: { latitude: 91, longitude: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fieldErrors[0].path).toBe('body.location.latitude');
    const future = await clientFor(t, w.xTech).post(`/api/jobs/${job.id}/on-site`, { at: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.statusCode).toBe(400);
    const at = new Date(Date.now() - 60_000).toISOString();
    const res = await clientFor(t, w.xTech).post(`/api/jobs/${job.id}/on-site`, {
      location: { latitude: 51.5072, longitude: -0.1276, accuracyM: 12 },
      at,
    });
    expect(res.statusCode).toBe(200);
    const sheet = res.json();
    expect(sheet.job.status).toBe('in_progress');
    expect(sheet.visits).toEqual([
      expect.objectContaining({
        arrivedAt: new Date(at).toISOString(),
        location: { latitude: 51.5072, longitude: -0.1276, accuracyM: 12 },
      }),
    ]);
    expect(sheet.abilities).toEqual({ onSite: false, revisit: true, answer: true, perform: true, downloadReport: false });
    const company = await clientFor(t, w.aManager).get(`/api/jobs/${job.id}/site`);
    expect(company.statusCode).toBe(200);
    expect(company.json().abilities).toEqual({ onSite: false, revisit: false, answer: false, perform: false, downloadReport: false });
    expect((await clientFor(t, other).get(`/api/jobs/${job.id}/site`)).statusCode).toBe(404);
    expect((await clientFor(t, w.yTech).get(`/api/jobs/${job.id}/site`)).statusCode).toBe(404);
  });

  it(raceTitle('two technicians press "I\'m on site" at once: one transition, the other sees the state'), async () => {
    const second = await addTechnicianPersona(t, w.contractorX, 'second-tech');
    const job = await insertSiteJob(t, w, { technicians: [w.xTech, second] });
    const answers = await Promise.all([
      clientFor(t, w.xTech).post(`/api/jobs/${job.id}/on-site`, {}),
      clientFor(t, second).post(`/api/jobs/${job.id}/on-site`, {}),
    ]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!;
    expect(refused.json()).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentStatus: 'in_progress' } });
    expect(refused.json().detail).toMatch(/in progress/);
    const visits = await t.db.select().from(jobSiteVisits).where(eq(jobSiteVisits.jobId, job.id));
    expect(visits).toHaveLength(1);
    const starts = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, job.id), eq(auditEvents.action, 'job.start')));
    expect(starts).toHaveLength(1);
    if (racesAreReal) expect(answers.every((a) => a.statusCode !== 500)).toBe(true);
  });

  it('answers a task (result, defects, remarks), refuses defects where none are taken, and only while in progress', async () => {
    const job = await insertSiteJob(t, w);
    const tech = clientFor(t, w.xTech);
    const answer = { result: 'fail', defects: [{ description: 'Battery low', severity: 'high' }], remarks: 'Replace within a week' };
    const early = await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, answer);
    expect(early.statusCode).toBe(409);
    expect(early.json().details.currentStatus).toBe('scheduled');
    await tech.post(`/api/jobs/${job.id}/on-site`, {});
    const res = await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, answer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      result: 'fail',
      remarks: 'Replace within a week',
      defects: answer.defects,
      answeredBy: expect.any(String),
    });
    const noDefects = await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[2]}/answer`, answer);
    expect(noDefects.statusCode).toBe(400);
    expect(noDefects.json().details.fieldErrors[0].path).toBe('defects');
    const badSeverity = await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, {
      result: 'pass',
      defects: [{ description: 'x', severity: 'apocalyptic' }],
    });
    expect(badSeverity.statusCode).toBe(400);
    // the same answer again changes nothing (no second audit event)
    await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, answer);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, job.id), eq(auditEvents.action, 'job.task_answered')));
    expect(audits).toHaveLength(1);
    // a new answer replaces the defects
    await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, { result: 'pass' });
    expect(await t.db.select().from(jobTaskDefects).where(eq(jobTaskDefects.taskId, job.taskIds[0]))).toEqual([]);
    // a task of another job through this job's path: not found
    const other = await insertSiteJob(t, w, { status: 'in_progress' });
    expect((await tech.request('PUT', `/api/jobs/${job.id}/tasks/${other.taskIds[0]}/answer`, answer)).statusCode).toBe(404);
    // the company reads, never answers
    expect((await clientFor(t, w.aOwner).request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[1]}/answer`, answer)).statusCode).toBe(
      403,
    );
  });

  it('photos: uploaded, attached (images only, by their bytes), listed, shown to both sides, removed', async () => {
    const job = await insertSiteJob(t, w, { status: 'in_progress' });
    const tech = clientFor(t, w.xTech);
    const fileId = await uploadAs(t, w.xTech, photoPng);
    const attach = await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId, caption: 'Panel front' });
    expect(attach.statusCode).toBe(201);
    const photo = attach.json();
    expect(photo).toMatchObject({ mime: 'image/png', caption: 'Panel front', url: `/api/jobs/${job.id}/photos/${photo.id}` });
    // attached again: the same photo, no duplicate
    const again = await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId });
    expect(again.json().id).toBe(photo.id);
    const text = await uploadAs(t, w.xTech, Buffer.from('not a picture at all'), 'photo.jpg');
    const refused = await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId: text });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.fieldErrors[0]).toEqual({
      path: 'fileId',
      message: 'A photo must be an image (JPEG, PNG, WebP or HEIC).',
    });
    const fakeJpeg = await uploadAs(t, w.xTech, Buffer.from('GIF89a-and-more-bytes-here'), 'x.jpg');
    expect((await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId: fakeJpeg })).statusCode).toBe(400);
    expect((await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[2]}/photos`, { fileId })).statusCode).toBe(400);
    // HEIC and WebP straight from a camera are images too (by their bytes)
    const heic = Buffer.concat([Buffer.from('00000018667479706865696300000000', 'hex'), Buffer.from('mif1heic'), Buffer.alloc(64, 7)]);
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([64, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(64, 3)]);
    for (const [bytes, mime] of [
      [heic, 'image/heic'],
      [webp, 'image/webp'],
    ] as const) {
      const camera = await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[1]}/photos`, {
        fileId: await uploadAs(t, w.xTech, bytes, 'IMG_0001'),
      });
      expect(camera.statusCode, camera.body).toBe(201);
      expect(camera.json().mime).toBe(mime);
    }
    // someone else's upload cannot be attached
    const officeFile = await uploadAs(t, w.xOffice, photoPng);
    expect((await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[1]}/photos`, { fileId: officeFile })).statusCode).toBe(400);
    const list = await tech.get(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`);
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([photo.id]);
    for (const persona of [w.aViewer, w.xOffice, w.xTech]) {
      const shown = await clientFor(t, persona).get(photo.url);
      expect(shown.statusCode).toBe(200);
      expect(shown.headers['content-type']).toBe('image/png');
      expect(shown.rawPayload.equals(photoPng)).toBe(true);
    }
    const stranger = await addTechnicianPersona(t, w.contractorX, 'stranger');
    expect((await clientFor(t, stranger).get(photo.url)).statusCode).toBe(404);
    expect((await clientFor(t, w.yAdmin).get(photo.url)).statusCode).toBe(404);
    const removed = await tech.request('DELETE', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos/${photo.id}`);
    expect(removed.statusCode).toBe(200);
    expect((await tech.get(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`)).json().items).toEqual([]);
    expect((await tech.get(photo.url)).statusCode).toBe(404);
  });

  it('"Revisit required" with a reason, then on site again', async () => {
    const job = await insertSiteJob(t, w);
    const tech = clientFor(t, w.xTech);
    await tech.post(`/api/jobs/${job.id}/on-site`, {});
    expect((await tech.post(`/api/jobs/${job.id}/revisit`, {})).statusCode).toBe(400);
    const revisit = await tech.post(`/api/jobs/${job.id}/revisit`, { reason: 'No access to the roof' });
    expect(revisit.statusCode).toBe(200);
    expect(revisit.json().job.status).toBe('revisit');
    expect(revisit.json().visits[0]).toMatchObject({ outcome: 'revisit', reason: 'No access to the roof', endedAt: expect.any(String) });
    expect((await tech.post(`/api/jobs/${job.id}/revisit`, { reason: 'again' })).statusCode).toBe(409);
    const told = await t.db.select().from(notifications).where(eq(notifications.type, 'job.revisit_required'));
    expect(told.filter((n) => n.userId === w.xOffice.userId && n.body.includes('No access to the roof'))).toHaveLength(1);
    const back = await tech.post(`/api/jobs/${job.id}/on-site`, {});
    expect(back.json().job.status).toBe('in_progress');
    expect(back.json().visits).toHaveLength(2);
  });

  it('performed: refused naming each missing result and photo, a signature that is not a PNG or over 1 MB; then the report', async () => {
    const job = await insertSiteJob(t, w);
    const tech = clientFor(t, w.xTech);
    await tech.post(`/api/jobs/${job.id}/on-site`, {});
    const missing = await tech.post(`/api/jobs/${job.id}/performed`, performBody);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.fieldErrors).toEqual([
      { path: 'tasks.1.result', message: '"Test the fire panel" needs a result.' },
      { path: 'tasks.1.photo', message: '"Test the fire panel" needs a photo.' },
      { path: 'tasks.2.result', message: '"Check the extinguishers" needs a result.' },
    ]);
    await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, {
      result: 'fail',
      defects: [{ description: 'Zone 3 detector faulty', severity: 'critical' }],
      remarks: 'Detector ordered',
    });
    await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[1]}/answer`, { result: 'pass', remarks: 'All six in date' });
    const stillMissing = await tech.post(`/api/jobs/${job.id}/performed`, performBody);
    expect(stillMissing.json().details.fieldErrors).toEqual([{ path: 'tasks.1.photo', message: '"Test the fire panel" needs a photo.' }]);
    await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId: await uploadAs(t, w.xTech, photoPng) });
    const notPng = await tech.post(`/api/jobs/${job.id}/performed`, {
      ...performBody,
      technician: { signaturePng: Buffer.from('GIF89a pretending').toString('base64') },
    });
    expect(notPng.statusCode).toBe(400);
    expect(notPng.json().details.fieldErrors[0]).toEqual({
      path: 'technician.signaturePng',
      message: 'The signature must be a PNG image.',
    });
    const huge = Buffer.concat([Buffer.from(signatureBase64, 'base64'), Buffer.alloc(1024 * 1024)]).toString('base64');
    const tooBig = await tech.post(`/api/jobs/${job.id}/performed`, { ...performBody, siteContact: { name: 'Sam', signaturePng: huge } });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().details.fieldErrors[0]).toEqual({
      path: 'siteContact.signaturePng',
      message: 'The signature is larger than 1 MB.',
    });
    expect((await tech.post(`/api/jobs/${job.id}/performed`, { notes: 'no signature' })).statusCode).toBe(400);
    expect((await t.db.select().from(jobs).where(eq(jobs.id, job.id)))[0]!.status).toBe('in_progress');

    const done = await tech.post(`/api/jobs/${job.id}/performed`, performBody);
    expect(done.statusCode).toBe(200);
    const sheet = done.json();
    expect(sheet.job.status).toBe('performed_need_docs');
    expect(sheet.signoff).toMatchObject({ technicianName: 'X Tech', siteContactName: 'Sam Site', notes: performBody.notes });
    expect(sheet.signoff.report).toMatchObject({ url: `/api/jobs/${job.id}/report` });
    expect(sheet.visits.at(-1)).toMatchObject({ outcome: 'performed' });
    expect(sheet.abilities.downloadReport).toBe(true);
    const documents = await t.db.select().from(jobDocuments).where(eq(jobDocuments.jobId, job.id));
    expect(documents).toEqual([expect.objectContaining({ kind: 'report', side: 'contractor', fileId: sheet.signoff.report.fileId })]);
    const told = await t.db.select().from(notifications).where(eq(notifications.type, 'job.performed_on_site'));
    expect(told.some((n) => n.userId === w.xOffice.userId && n.title.includes(`Job ${job.number}`))).toBe(true);

    for (const persona of [w.aViewer, w.xOffice, w.xTech]) {
      const pdf = await clientFor(t, persona).get(`/api/jobs/${job.id}/report`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
    }
    expect((await clientFor(t, w.yAdmin).get(`/api/jobs/${job.id}/report`)).statusCode).toBe(404);
    expect((await clientFor(t, await addTechnicianPersona(t, w.contractorX, 'nosy')).get(`/api/jobs/${job.id}/report`)).statusCode).toBe(
      404,
    );
    const report = (await clientFor(t, w.aOwner).get(`/api/jobs/${job.id}/report`)).rawPayload;
    // the photo and both signatures are embedded as images (each RGBA PNG: the picture and its alpha mask)
    expect(report.toString('latin1').match(/\/Subtype \/Image/g)?.length).toBe(6);
    const text = (await extractPdfText(report)).join('\n');
    for (const expected of [
      `Service report: Job ${job.number}`,
      'Org A',
      'Contractor X',
      'Harbour Tower',
      '1. Test the fire panel: Fail',
      'Defect (Critical): Zone 3 detector faulty',
      'Remarks: Detector ordered',
      '2. Check the extinguishers: Pass',
      'Remarks: All six in date',
      '3. Tidy the plant room: No result',
      performBody.notes,
      'Technician',
      'X Tech',
      'Site contact',
      'Sam Site',
      'Signed ',
      'On site ',
    ])
      expect(text).toContain(expected);
    // the job is performed: answers and photos are closed
    expect((await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[1]}/answer`, { result: 'fail' })).statusCode).toBe(409);
  });

  it('a damaged PNG: as a signature a 400; as a photo named in the report instead of drawn (it once ended the server)', async () => {
    // Found by fuzzing: PNG headers and pixel data that png-js, under pdfkit, unpacks where nothing catches its error.
    const hugeHeader = 'iVBORw0KGgoAAAANSUhEUn////9/////CAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';
    const badFilter = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nONkYGD4DwABMQEJepPJcQAAAABJRU5ErkJggg==';
    const job = await insertSiteJob(t, w);
    const tech = clientFor(t, w.xTech);
    await tech.post(`/api/jobs/${job.id}/on-site`, {});
    await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, { result: 'pass' });
    await tech.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[1]}/answer`, { result: 'pass' });
    await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId: await uploadAs(t, w.xTech, photoPng) });
    const damaged = await uploadAs(t, w.xTech, Buffer.from(hugeHeader, 'base64'), 'damaged.png');
    expect((await tech.post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId: damaged })).statusCode).toBe(201);
    for (const signaturePng of [hugeHeader, badFilter]) {
      const refused = await tech.post(`/api/jobs/${job.id}/performed`, { ...performBody, technician: { signaturePng } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().details.fieldErrors[0]).toEqual({
        path: 'technician.signaturePng',
        message: 'The signature is a damaged PNG image; sign again.',
      });
    }
    const saved = await tech.request('PUT', '/api/preferences/signature', { signaturePng: badFilter });
    expect(saved.statusCode).toBe(400);

    const done = await tech.post(`/api/jobs/${job.id}/performed`, performBody);
    expect(done.statusCode).toBe(200);
    expect(done.json().signoff.report).not.toBeNull();
    const report = (await clientFor(t, w.aOwner).get(`/api/jobs/${job.id}/report`)).rawPayload;
    // the good photo and both signatures drawn (each an image and its alpha mask); the damaged photo named
    expect(report.toString('latin1').match(/\/Subtype \/Image/g)?.length).toBe(6);
    expect((await extractPdfText(report)).join('\n')).toContain('[photo] damaged.png');
  });

  it('the desk does all of it for a job, and the audit says who did what', async () => {
    const job = await insertSiteJob(t, w);
    const desk = clientFor(t, w.xOffice);
    expect((await desk.post(`/api/jobs/${job.id}/on-site`, {})).json().visits[0].by).toBe('X Office');
    await desk.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[0]}/answer`, { result: 'pass' });
    await desk.request('PUT', `/api/jobs/${job.id}/tasks/${job.taskIds[1]}/answer`, { result: 'na' });
    await desk.post(`/api/jobs/${job.id}/tasks/${job.taskIds[0]}/photos`, { fileId: await uploadAs(t, w.xOffice, photoPng) });
    const done = await desk.post(`/api/jobs/${job.id}/performed`, { technician: { name: 'Terry Tech', signaturePng: signatureBase64 } });
    expect(done.statusCode).toBe(200);
    expect(done.json().signoff).toMatchObject({ technicianName: 'Terry Tech', by: 'X Office', siteContactName: null });
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, job.id));
    const actions = audit.map((a) => [a.action, a.actorUserId]);
    for (const action of ['job.start', 'job.task_answered', 'job.photo_added', 'job.perform', 'job.signed_off'])
      expect(actions).toContainEqual([action, w.xOffice.userId]);
    const [signoff] = await t.db.select().from(jobSignoffs).where(eq(jobSignoffs.jobId, job.id));
    expect(signoff?.signedByUserId).toBe(w.xOffice.userId);
  });
});
