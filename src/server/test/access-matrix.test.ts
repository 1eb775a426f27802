import { eq, inArray, or } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  contractDocuments,
  contractorMembers,
  contractors,
  contractRevisions,
  contracts,
  emails,
  engagements,
  files,
  invitations,
  jobDocuments,
  jobs,
  jobTasks,
  jobTechnicians,
  jobTemplates,
  jobTemplateTasks,
  milestoneAttachments,
  milestoneSubmissions,
  milestones,
  notifications,
  organizations,
  idempotencyKeys,
  contractorProfiles,
  invoiceLines,
  invoices,
  paymentApprovalRules,
  paymentBatches,
  paymentNotes,
  payments,
  sessions,
  staffMembers,
  statusChanges,
  accreditationReminders,
  technicianAccreditations,
  technicians,
} from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import { addTechnicianPersona, assignJob, insertAccreditation, insertJob } from './technicians.fixtures.ts';
import { expectSiteWorkVisible, performVictimSiteJob, siteWorkSnapshot } from './access-matrix.site-work.ts';
import { cases, publicApiRoutes, type Victim } from './access-matrix.cases.ts';
import { submitVictimInvoice } from './invoicing.ts';
import { uploadProofId } from './payments.fixtures.ts';
import { getTestApp, type TestApp } from './test-app.ts';
import { clientFor, createWorld, type Persona, type World } from './world.ts';

/**
 * Every registered route, called by another organization's staff, another contractor's member
 * and an unassigned technician with real ids of organization A's and contractor X's rows:
 * 404 or nothing of A's in the answer, and A's data unchanged. A new route without a case fails.
 */

function multipartBody(): { payload: string; contentType: string } {
  const boundary = '----portico-matrix';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
  };
}

/** Everything of organization A and contractor X, as text: it must not change. */
async function snapshot(t: TestApp, w: World): Promise<string> {
  const victimUsers = [w.aOwner, w.aAdmin, w.aManager, w.aFinance, w.aViewer, w.xAdmin, w.xOffice, w.xTech].map((p) => p.userId);
  const parts = await Promise.all([
    t.db.select().from(organizations).where(eq(organizations.id, w.orgA)),
    t.db.select().from(contractors).where(eq(contractors.id, w.contractorX)),
    t.db
      .select()
      .from(engagements)
      .where(or(eq(engagements.organizationId, w.orgA), eq(engagements.contractorId, w.contractorX))),
    t.db.select().from(staffMembers).where(eq(staffMembers.organizationId, w.orgA)),
    t.db.select().from(contractorMembers).where(eq(contractorMembers.contractorId, w.contractorX)),
    t.db.select().from(technicians).where(eq(technicians.contractorId, w.contractorX)),
    t.db
      .select()
      .from(invitations)
      .where(or(eq(invitations.organizationId, w.orgA), eq(invitations.contractorId, w.contractorX))),
    t.db
      .select()
      .from(auditEvents)
      .where(or(eq(auditEvents.organizationId, w.orgA), eq(auditEvents.contractorId, w.contractorX))),
    t.db
      .select()
      .from(files)
      .where(or(eq(files.organizationId, w.orgA), eq(files.contractorId, w.contractorX))),
    t.db.select().from(notifications).where(inArray(notifications.userId, victimUsers)),
    t.db.select({ id: sessions.id, expiresAt: sessions.expiresAt }).from(sessions).where(inArray(sessions.userId, victimUsers)),
    t.db.select().from(contracts).where(eq(contracts.organizationId, w.orgA)),
    t.db.select().from(contractRevisions).where(eq(contractRevisions.organizationId, w.orgA)),
    t.db.select().from(contractDocuments).where(eq(contractDocuments.organizationId, w.orgA)),
    t.db.select().from(milestones).where(eq(milestones.organizationId, w.orgA)),
    t.db.select().from(milestoneAttachments).where(eq(milestoneAttachments.organizationId, w.orgA)),
    t.db.select().from(milestoneSubmissions).where(eq(milestoneSubmissions.organizationId, w.orgA)),
    t.db.select().from(payments).where(eq(payments.organizationId, w.orgA)),
    t.db.select().from(invoices).where(eq(invoices.organizationId, w.orgA)),
    t.db.select().from(invoiceLines).where(eq(invoiceLines.organizationId, w.orgA)),
    t.db
      .select({ id: contractorProfiles.contractorId, legalName: contractorProfiles.legalName, version: contractorProfiles.version })
      .from(contractorProfiles)
      .where(eq(contractorProfiles.contractorId, w.contractorX)),
    t.db.select().from(paymentBatches).where(eq(paymentBatches.organizationId, w.orgA)),
    t.db.select().from(paymentNotes).where(eq(paymentNotes.organizationId, w.orgA)),
    t.db
      .select({ id: paymentApprovalRules.organizationId, enabled: paymentApprovalRules.enabled, version: paymentApprovalRules.version })
      .from(paymentApprovalRules)
      .where(eq(paymentApprovalRules.organizationId, w.orgA)),
    t.db
      .select({ id: idempotencyKeys.key, statusCode: idempotencyKeys.statusCode })
      .from(idempotencyKeys)
      .where(inArray(idempotencyKeys.userId, victimUsers)),
    t.db.select().from(statusChanges).where(eq(statusChanges.organizationId, w.orgA)),
    t.db.select().from(emails).where(eq(emails.organizationId, w.orgA)),
    t.db
      .select()
      .from(jobs)
      .where(or(eq(jobs.organizationId, w.orgA), eq(jobs.contractorId, w.contractorX))),
    t.db.select().from(jobTasks).where(eq(jobTasks.organizationId, w.orgA)),
    t.db.select().from(jobDocuments).where(eq(jobDocuments.organizationId, w.orgA)),
    t.db.select().from(jobTechnicians).where(eq(jobTechnicians.organizationId, w.orgA)),
    t.db.select().from(jobTemplates).where(eq(jobTemplates.organizationId, w.orgA)),
    t.db.select().from(jobTemplateTasks).where(eq(jobTemplateTasks.organizationId, w.orgA)),
    t.db.select().from(technicianAccreditations).where(eq(technicianAccreditations.contractorId, w.contractorX)),
    t.db.select().from(accreditationReminders).where(eq(accreditationReminders.contractorId, w.contractorX)),
    ...siteWorkSnapshot(t, w),
  ]);
  return JSON.stringify(parts.map((rows) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)))));
}

describe('access matrix', () => {
  let t: TestApp;
  let w: World;
  let victim: Victim;
  let victimTechnician: Persona;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    const owner = clientFor(t, w.aOwner);
    const invitation = await owner.post('/api/invitations/staff', {
      name: 'Victim Invitee',
      email: `victim.${w.suffix}@example.test`,
      role: 'viewer',
    });
    const { payload, contentType } = multipartBody();
    const file = await owner.request('POST', `/api/files?engagementId=${w.engagementAX}`, undefined, {
      payload,
      headers: { 'content-type': contentType },
    });
    expect(file.statusCode).toBe(201);
    const contract = await owner.post('/api/contracts', {
      engagementId: w.engagementAX,
      title: 'Victim contract',
      rateType: 'milestone',
      rateAmountMinor: 500_000,
      currency: 'EUR',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    expect(contract.statusCode).toBe(201);
    const contractId = contract.json().id;
    expect((await owner.post(`/api/contracts/${contractId}/activate`)).statusCode).toBe(200);
    expect((await owner.post(`/api/contracts/${contractId}/documents`, { fileId: file.json().id })).statusCode).toBe(200);
    const milestone = await owner.post(`/api/contracts/${contractId}/milestones`, {
      title: 'Victim milestone',
      dueDate: '2026-12-01',
      amountMinor: 120_000,
      currency: 'EUR',
      fileIds: [file.json().id],
    });
    expect(milestone.statusCode).toBe(201);
    const milestoneId = milestone.json().id;
    expect(
      (await clientFor(t, w.xAdmin).post(`/api/milestones/${milestoneId}/submit`, { note: 'Here it is', fileIds: [file.json().id] }))
        .statusCode,
    ).toBe(200);
    const notificationId = createId();
    await t.db
      .insert(notifications)
      .values({ id: notificationId, userId: w.aOwner.userId, organizationId: w.orgA, type: 'test', title: 'Private', body: 'For A only' });
    const [victimEmail] = await t.db
      .select({ id: emails.id })
      .from(emails)
      .where(eq(emails.toAddress, `victim.${w.suffix}@example.test`));
    expect(victimEmail).toBeDefined();
    const paymentIds: string[] = [];
    for (const amountMinor of [80_000, 90_000]) {
      const draft = await owner.post('/api/payments', {
        engagementId: w.engagementAX,
        amountMinor,
        currency: 'EUR',
        description: 'Victim pay',
      });
      expect(draft.statusCode).toBe(201);
      paymentIds.push(draft.json().id);
    }
    const proof = await uploadProofId(t, w.aOwner, { engagementId: w.engagementAX });
    const batch = await owner.post('/api/payments/batches', {
      method: 'wise',
      sentOn: '2026-12-01',
      items: [{ paymentId: paymentIds[0], amountMinor: 80_000, reference: 'VICTIM-1', proofFileId: proof }],
    });
    expect(batch.statusCode).toBe(201);
    // A technician of X other than the world's xTech (who attacks job and crew routes), on a job of A and X.
    const crew = await addTechnicianPersona(t, w.contractorX, 'victim-tech');
    victimTechnician = crew;
    const accreditationId = await insertAccreditation(t, {
      contractorId: w.contractorX,
      technicianId: crew.technicianId,
      type: 'first_aid',
      expiresOn: '2027-01-01',
    });
    const myJob = await insertJob(t, {
      organizationId: w.orgA,
      contractorId: w.contractorX,
      engagementId: w.engagementAX,
      createdByUserId: w.aOwner.userId,
      requiredAccreditations: ['working_at_heights'],
    });
    await assignJob(t, myJob, {
      organizationId: w.orgA,
      contractorId: w.contractorX,
      technicianId: crew.technicianId,
      byUserId: w.xAdmin.userId,
    });
    const template = await owner.post('/api/job-templates', { name: 'Victim template', tasks: [{ title: 'Victim task' }] });
    expect(template.statusCode).toBe(201);
    const job = await owner.post('/api/jobs', {
      engagementId: w.engagementAX,
      siteName: 'Victim Site',
      siteAddress: '1 Victim Road',
      dueOn: '2027-01-01',
      templateId: template.json().id,
      fileIds: [file.json().id],
    });
    expect(job.statusCode).toBe(201);
    const invoice = await submitVictimInvoice(t, w);
    const site = await performVictimSiteJob(t, w, crew);
    victim = {
      siteJobId: site.jobId,
      siteTaskId: site.taskId,
      sitePhotoId: site.photoId,
      invoiceId: invoice.invoiceId,
      contractorId: w.contractorX,
      paymentId: paymentIds[0]!,
      draftPaymentId: paymentIds[1]!,
      batchId: batch.json().batch.id,
      technicianId: crew.technicianId,
      accreditationId,
      myJobId: myJob.id,
      jobId: job.json().id,
      jobTemplateId: template.json().id,
      engagementId: w.engagementAX,
      contractId,
      milestoneId,
      invitationId: invitation.json().id,
      fileId: file.json().id,
      notificationId,
      emailId: victimEmail!.id,
      ids: [
        w.orgA,
        w.contractorX,
        w.engagementAX,
        contractId,
        milestoneId,
        invitation.json().id,
        file.json().id,
        notificationId,
        victimEmail!.id,
        job.json().id,
        template.json().id,
        w.aOwner.userId,
        w.xAdmin.userId,
        ...paymentIds,
        batch.json().batch.id,
        proof,
        crew.technicianId,
        accreditationId,
        myJob.id,
        invoice.invoiceId,
        invoice.fileId,
        invoice.legalName,
        site.jobId,
        site.taskId,
        site.photoId,
      ],
    };
  });

  it('has a case for every registered route, and every route declares its auth mode', () => {
    const missing: string[] = [];
    for (const route of t.app.porticoRoutes) {
      const key = `${route.method} ${route.url}`;
      expect(route.auth, key).toBeDefined();
      if (route.auth === 'public') {
        const isApi = route.url.startsWith('/api/') || route.url === '/health' || route.url === '/ready';
        const isDocs = route.url.startsWith('/api/docs');
        if (isApi && !isDocs && !publicApiRoutes.has(key)) missing.push(`${key} (public: add it to publicApiRoutes on purpose)`);
        continue;
      }
      if (!cases[key]) missing.push(key);
    }
    expect(missing).toEqual([]);
  });

  /** A technician of contractor X belongs to X: X's own id and people are not A's secrets to it, A's rows are. */
  const ownIdsOf = (world: World, persona: Persona): string[] =>
    persona === world.xTech ? [world.contractorX, world.xAdmin.userId, world.xOffice.userId] : [];

  const attackers: Array<[string, (w: World) => Persona]> = [
    ["another organization's staff (owner)", (world) => world.bOwner],
    ["another contractor's admin", (world) => world.yAdmin],
    ['an unassigned technician', (world) => world.yTech],
    ['a technician of the same contractor, not assigned to the job', (world) => world.xTech],
  ];

  for (const [who, pick] of attackers) {
    it(`gives ${who} nothing of A's, on every route`, async () => {
      const failures: string[] = [];
      const before = await snapshot(t, w);
      for (const route of t.app.porticoRoutes) {
        if (route.auth !== 'session') continue;
        const key = `${route.method} ${route.url}`;
        const routeCase = cases[key];
        if (!routeCase) continue;
        const { url, body, multipart } = routeCase.build(victim);
        const client = clientFor(t, pick(w));
        const res = multipart
          ? await client.request('POST', url, undefined, {
              payload: multipartBody().payload,
              headers: { 'content-type': multipartBody().contentType },
            })
          : await client.request(route.method as 'GET', url, body);
        if (res.statusCode >= 500) failures.push(`${key}: ${res.statusCode}`);
        if (routeCase.expect === 'notFound' && res.statusCode !== 404) failures.push(`${key}: expected 404, got ${res.statusCode}`);
        // An id the caller itself sent may come back (bulk results name it); nothing else of A's may.
        const sent = `${url} ${JSON.stringify(body ?? '')}`;
        const own = ownIdsOf(w, pick(w));
        const leaked = victim.ids.filter((id) => res.body.includes(id) && !sent.includes(id) && !own.includes(id));
        if (leaked.length > 0) failures.push(`${key}: leaked ${leaked.join(', ')}`);
        const extra = routeCase.verify?.(res.body);
        if (extra) failures.push(`${key}: ${extra}`);
      }
      expect(failures).toEqual([]);
      expect(await snapshot(t, w)).toBe(before);
    });
  }

  it("does not let anyone revoke another person's session through better-auth", async () => {
    const [victimSession] = await t.db.select().from(sessions).where(eq(sessions.userId, w.aOwner.userId));
    const res = await clientFor(t, w.bOwner).post('/api/auth/revoke-session', { token: victimSession!.token });
    expect(res.statusCode).toBeLessThan(500);
    expect((await clientFor(t, w.aOwner).get('/api/me')).statusCode).toBe(200);
  });

  it('lets the owners of the rows see them (the matrix is not vacuous)', async () => {
    expect((await clientFor(t, w.aOwner).get(`/api/engagements/${victim.engagementId}`)).statusCode).toBe(200);
    expect((await clientFor(t, w.xAdmin).get(`/api/engagements/${victim.engagementId}`)).statusCode).toBe(200);
    expect((await clientFor(t, w.xAdmin).get(`/api/files/${victim.fileId}`)).statusCode).toBe(200);
    expect((await clientFor(t, w.aOwner).get('/api/invitations')).body).toContain(victim.invitationId);
    expect((await clientFor(t, w.aOwner).get('/api/notifications')).body).toContain(victim.notificationId);
    expect((await clientFor(t, w.aOwner).get('/api/organizations/current/emails')).body).toContain(victim.emailId);
    expect((await clientFor(t, w.xAdmin).get(`/api/contracts/${victim.contractId}`)).statusCode).toBe(200);
    expect((await clientFor(t, w.xAdmin).get(`/api/milestones/${victim.milestoneId}`)).statusCode).toBe(200);
    expect((await clientFor(t, w.xAdmin).get(`/api/payments/${victim.paymentId}`)).json().proof).not.toBeNull();
    expect((await clientFor(t, w.aFinance).get(`/api/invoices/${victim.invoiceId}`)).json().abilities.approve).toBe(true);
    expect((await clientFor(t, w.aOwner).get('/api/invoices')).body).toContain(victim.invoiceId);
    expect((await clientFor(t, w.aOwner).get(`/api/contractors/${victim.contractorId}/profile`)).body).toContain('Victim Legal');
    expect((await clientFor(t, w.xOffice).get('/api/contractor/profile')).body).toContain('Victim Legal');
    expect((await clientFor(t, w.aOwner).get(`/api/payments/batches/${victim.batchId}/csv`)).body).toContain('VICTIM-1');
    // Home: the owner's "to review" shows the submitted milestone; the contractor's, the contract to acknowledge.
    expect((await clientFor(t, w.aOwner).get('/api/home')).body).toContain(victim.milestoneId);
    expect((await clientFor(t, w.aOwner).get('/api/home')).body).toContain(victim.invitationId);
    expect((await clientFor(t, w.xAdmin).get('/api/home')).body).toContain(victim.contractId);
    expect((await clientFor(t, w.xAdmin).get(`/api/technicians/${victim.technicianId}`)).statusCode).toBe(200);
    expect((await clientFor(t, w.xAdmin).get(`/api/accreditations/${victim.accreditationId}`)).statusCode).toBe(200);
    expect((await clientFor(t, victimTechnician).get(`/api/my-jobs/${victim.myJobId}`)).statusCode).toBe(200);
    // A technician of the same contractor sees no contracts or milestones either.
    expect((await clientFor(t, w.xTech).get(`/api/milestones/${victim.milestoneId}`)).statusCode).toBe(404);
    expect((await clientFor(t, w.xTech).get('/api/contracts')).json().items).toEqual([]);
    // Jobs: the company and the contractor see the victim job; the technician only once assigned to it.
    expect((await clientFor(t, w.xOffice).get(`/api/jobs/${victim.jobId}`)).statusCode).toBe(200);
    expect((await clientFor(t, w.aViewer).get('/api/jobs/export')).body).toContain('Victim Site');
    expect((await clientFor(t, w.aOwner).get(`/api/job-templates/${victim.jobTemplateId}`)).statusCode).toBe(200);
    expect((await clientFor(t, w.xTech).get(`/api/jobs/${victim.jobId}`)).statusCode).toBe(404);
    await expectSiteWorkVisible(t, w, victim, victimTechnician);
  });
});
