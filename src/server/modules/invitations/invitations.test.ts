import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contractorMembers, emails, engagements, invitations, technicians, users } from '../../db/schema/index.ts';
import { lastEmailTo } from '../../test/mailbox.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, cookieHeader, createWorld, type World } from '../../test/world.ts';

const PASSWORD = 'Saffron-Harbor-Quill-64';

/** What the bad requests below could have written: organization A's rows (other tests run beside these). */
async function countRows(t: TestApp, w: World) {
  const [i] = await t.db.select({ n: count() }).from(invitations).where(eq(invitations.organizationId, w.orgA));
  const [e] = await t.db.select({ n: count() }).from(emails).where(eq(emails.toAddress, 'a@b.test'));
  const [a] = await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.organizationId, w.orgA));
  return { invitations: i?.n, emails: e?.n, audit: a?.n };
}

describe('invitations', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('invites a contractor: contractor, engagement, invitation, email and audit in one go; accepting activates it', async () => {
    const email = `ann.${w.suffix}@acme.test`;
    const res = await clientFor(t, w.aManager).post('/api/invitations/contractor', {
      businessName: 'Acme Design',
      name: 'Ann Acme',
      email,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'contractor', email, status: 'pending', abilities: { revoke: true } });
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.id, res.json().id));
    const [engagement] = await t.db.select().from(engagements).where(eq(engagements.id, invitation!.engagementId!));
    expect(engagement?.status).toBe('invited');
    expect(invitation?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const { token } = await lastEmailTo(t, email);
    const anon = clientFor(t, null);
    const preview = await anon.get(`/api/invitations/preview?token=${token}`);
    expect(preview.json()).toMatchObject({
      kind: 'contractor',
      organizationName: `Org A ${w.suffix}`,
      contractorName: 'Acme Design',
      needsPassword: true,
    });
    const noPassword = await anon.post('/api/invitations/accept', { token, name: 'Ann Acme' });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().details.fieldErrors[0].path).toBe('password');

    const accepted = await anon.post('/api/invitations/accept', { token, name: 'Ann Acme', password: PASSWORD });
    expect(accepted.statusCode).toBe(200);
    const ann = { userId: '', email, cookie: cookieHeader(accepted.headers['set-cookie']), context: '' };
    const list = await clientFor(t, ann).get('/api/engagements');
    expect(list.json().items).toEqual([
      expect.objectContaining({ status: 'active', organization: { id: w.orgA, name: `Org A ${w.suffix}` } }),
    ]);
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.organizationId, w.orgA))).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['engagement.created', 'invitation.created', 'invitation.accepted', 'engagement.activate']),
    );
    // The inviter hears about it.
    const notes = await clientFor(t, w.aManager).get('/api/notifications');
    expect(notes.json().items[0].title).toContain('accepted your invitation');
    // The password works afterwards.
    expect((await anon.post('/api/auth/sign-in/email', { email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('refuses a used, forged, expired or revoked invitation with a clear page and no session', async () => {
    const anon = clientFor(t, null);
    const forged = await anon.get(`/api/invitations/preview?token=${'f'.repeat(43)}`);
    expect(forged.statusCode).toBe(410);
    expect(forged.json().detail).toMatch(/not valid/);

    const email = `late.${w.suffix}@example.test`;
    await clientFor(t, w.aOwner).post('/api/invitations/staff', { name: 'Late Larry', email, role: 'viewer' });
    const { token } = await lastEmailTo(t, email);
    await t.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, email));
    const expired = await anon.post('/api/invitations/accept', { token, password: PASSWORD });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().detail).toMatch(/expired/);
    expect(expired.headers['set-cookie']).toBeUndefined();
    const [nobody] = await t.db.select({ n: count() }).from(users).where(eq(users.email, email));
    expect(nobody?.n).toBe(0);

    const email2 = `withdrawn.${w.suffix}@example.test`;
    const created = await clientFor(t, w.aOwner).post('/api/invitations/staff', { name: 'Wanda', email: email2, role: 'manager' });
    const { token: token2 } = await lastEmailTo(t, email2);
    const revoked = await clientFor(t, w.aOwner).post(`/api/invitations/${created.json().id}/revoke`);
    expect(revoked.json().status).toBe('revoked');
    const useRevoked = await anon.post('/api/invitations/accept', { token: token2, password: PASSWORD });
    expect(useRevoked.statusCode).toBe(410);
    expect(useRevoked.json().detail).toMatch(/withdrawn/);
    const again = await clientFor(t, w.aOwner).post(`/api/invitations/${created.json().id}/revoke`);
    expect(again.statusCode).toBe(403);
  });

  it('keeps the first invitation working when a second one is sent', async () => {
    const email = `twice.${w.suffix}@example.test`;
    const owner = clientFor(t, w.aOwner);
    await owner.post('/api/invitations/staff', { name: 'Twice', email, role: 'finance' });
    const { token: first } = await lastEmailTo(t, email);
    await owner.post('/api/invitations/staff', { name: 'Twice', email, role: 'finance' });
    const { token: second } = await lastEmailTo(t, email);
    expect(first).not.toBe(second);
    const anon = clientFor(t, null);
    expect((await anon.post('/api/invitations/accept', { token: first, password: PASSWORD })).statusCode).toBe(200);
    expect((await anon.post('/api/invitations/accept', { token: first, password: PASSWORD })).statusCode).toBe(410);
  });

  it('lets a contractor admin invite office members and technicians; technicians get no password', async () => {
    const admin = clientFor(t, w.xAdmin);
    const techEmail = `crew.${w.suffix}@example.test`;
    expect((await admin.post('/api/invitations/technician', { name: 'Crew Carl', email: techEmail })).statusCode).toBe(201);
    const { token } = await lastEmailTo(t, techEmail);
    const anon = clientFor(t, null);
    expect((await anon.get(`/api/invitations/preview?token=${token}`)).json().needsPassword).toBe(false);
    const withPassword = await anon.post('/api/invitations/accept', { token, password: PASSWORD });
    expect(withPassword.statusCode).toBe(400);
    const accepted = await anon.post('/api/invitations/accept', { token });
    expect(accepted.statusCode).toBe(200);
    const me = await clientFor(t, { userId: '', email: techEmail, cookie: cookieHeader(accepted.headers['set-cookie']), context: '' }).get(
      '/api/me',
    );
    expect(me.json().memberships).toEqual([expect.objectContaining({ kind: 'technician', contractorId: w.contractorX })]);
    expect(me.json().user.hasPassword).toBe(false);
    const [tech] = await t.db.select({ n: count() }).from(technicians).where(eq(technicians.contractorId, w.contractorX));
    expect(tech?.n).toBe(2);

    const officeEmail = `office.${w.suffix}@example.test`;
    expect((await admin.post('/api/invitations/member', { name: 'Olga', email: officeEmail, role: 'office' })).statusCode).toBe(201);
    const { token: officeToken } = await lastEmailTo(t, officeEmail);
    expect((await anon.post('/api/invitations/accept', { token: officeToken, name: 'Olga Office', password: PASSWORD })).statusCode).toBe(
      200,
    );
    const members = await t.db
      .select()
      .from(contractorMembers)
      .where(and(eq(contractorMembers.contractorId, w.contractorX), eq(contractorMembers.role, 'office')));
    expect(members).toHaveLength(2);
    const team = await admin.get('/api/contractor/team');
    expect(team.json().technicians.map((p: { email: string }) => p.email)).toContain(techEmail);
  });

  it('lets only the right roles invite', async () => {
    const body = { businessName: 'Nope Ltd', name: 'No Body', email: `nope.${w.suffix}@example.test` };
    for (const persona of [w.aViewer, w.aFinance, w.xAdmin, w.xTech]) {
      const res = await clientFor(t, persona).post('/api/invitations/contractor', body);
      expect(res.statusCode).toBe(403);
    }
    expect(
      (await clientFor(t, w.aManager).post('/api/invitations/staff', { name: 'X', email: body.email, role: 'admin' })).statusCode,
    ).toBe(403);
    expect((await clientFor(t, w.xOffice).post('/api/invitations/technician', { name: 'X', email: body.email })).statusCode).toBe(403);
    expect((await clientFor(t, w.aOwner).post('/api/invitations/technician', { name: 'X', email: body.email })).statusCode).toBe(403);
  });

  it('sends a second invitation to the same contractor without making a second business', async () => {
    const email = `again.${w.suffix}@example.test`;
    const owner = clientFor(t, w.aOwner);
    const first = await owner.post('/api/invitations/contractor', { businessName: 'Again Co', name: 'Al', email });
    const second = await owner.post('/api/invitations/contractor', { businessName: 'Again Co', name: 'Al', email });
    expect(second.statusCode).toBe(201);
    const rows = await t.db.select().from(invitations).where(eq(invitations.email, email));
    expect(new Set(rows.map((r) => r.contractorId)).size).toBe(1);
    expect(new Set(rows.map((r) => r.engagementId)).size).toBe(1);
    expect(first.json().id).not.toBe(second.json().id);
  });

  it('refuses inviting a contractor that is already active', async () => {
    const email = `dup.${w.suffix}@example.test`;
    const owner = clientFor(t, w.aOwner);
    await owner.post('/api/invitations/contractor', { businessName: 'Dup Co', name: 'Dee', email });
    const { token } = await lastEmailTo(t, email);
    await clientFor(t, null).post('/api/invitations/accept', { token, password: PASSWORD });
    const again = await owner.post('/api/invitations/contractor', { businessName: 'Dup Co', name: 'Dee', email });
    expect(again.statusCode).toBe(409);
    // Another organization may engage the same contractor business: it is reused.
    const other = await clientFor(t, w.bOwner).post('/api/invitations/contractor', { businessName: 'Dup Co', name: 'Dee', email });
    expect(other.statusCode).toBe(201);
    const { token: tokenB } = await lastEmailTo(t, email);
    const accepted = await clientFor(t, null).post('/api/invitations/accept', { token: tokenB });
    expect(accepted.statusCode).toBe(200);
    const list = await clientFor(t, { userId: '', email, cookie: cookieHeader(accepted.headers['set-cookie']), context: '' }).get(
      '/api/engagements',
    );
    expect(
      list
        .json()
        .items.map((e: { organization: { id: string } }) => e.organization.id)
        .sort(),
    ).toEqual([w.orgA, w.orgB].sort());
  });

  it('lets only owners and admins invite an ended contractor again (the engagement machine roles, whatever the route)', async () => {
    const world = await createWorld(t);
    const owner = clientFor(t, world.aOwner);
    expect((await owner.post(`/api/engagements/${world.engagementAX}/end`)).statusCode).toBe(200);
    const xAdminEmail = world.xAdmin.email;
    const byManager = await clientFor(t, world.aManager).post('/api/invitations/contractor', {
      businessName: 'X',
      name: 'X',
      email: xAdminEmail,
    });
    expect(byManager.statusCode).toBe(403);
    expect((await t.db.select().from(engagements).where(eq(engagements.id, world.engagementAX)))[0]?.status).toBe('ended');
    const byOwner = await owner.post('/api/invitations/contractor', { businessName: 'X', name: 'X', email: xAdminEmail });
    expect(byOwner.statusCode).toBe(201);
    expect((await t.db.select().from(engagements).where(eq(engagements.id, world.engagementAX)))[0]?.status).toBe('invited');
  });

  it('does not let another organization see or use an existing contractor before it accepts', async () => {
    const world = await createWorld(t);
    const b = clientFor(t, world.bOwner);
    const invited = await b.post('/api/invitations/contractor', {
      businessName: 'Typed Name Ltd',
      name: 'X Admin',
      email: world.xAdmin.email,
    });
    expect(invited.statusCode).toBe(201);
    const list = (await b.get('/api/engagements')).json().items;
    const pending = list.find((e: { status: string }) => e.status === 'invited');
    expect(pending.contractor.name).toBe('Typed Name Ltd');
    expect(JSON.stringify(list)).not.toContain(`Contractor X ${world.suffix}`);
    expect((await b.get(`/api/engagements?q=${encodeURIComponent('Contractor X')}`)).json().items).toEqual([]);
    const contract = await b.post('/api/contracts', {
      engagementId: pending.id,
      title: 'Unsolicited',
      rateType: 'fixed',
      rateAmountMinor: 100,
      currency: 'EUR',
      startDate: '2026-01-01',
    });
    expect(contract.statusCode).toBe(400);
    expect(contract.json().detail).toMatch(/not accepted the invitation/);
    const boundary = '----b';
    const upload = await b.request('POST', `/api/files?engagementId=${pending.id}`, undefined, {
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(upload.statusCode).toBe(400);
    // Withdrawing the only invitation ends the engagement.
    expect((await b.post(`/api/invitations/${invited.json().id}/revoke`)).statusCode).toBe(200);
    expect((await b.get(`/api/engagements/${pending.id}`)).json().status).toBe('ended');
  });

  describe('bad input: 400 with the field and the reason, nothing written', () => {
    const cases: Array<[string, unknown, string]> = [
      ['malformed JSON', '{"businessName": "Acme", ', 'body'],
      ['a wrong type', { businessName: 42, name: 'A', email: 'a@b.test' }, 'body.businessName'],
      ['an oversized string', { businessName: 'x'.repeat(161), name: 'A', email: 'a@b.test' }, 'body.businessName'],
      ['an unknown field', { businessName: 'Acme', name: 'A', email: 'a@b.test', isAdmin: true }, 'body'],
      ['a bad email', { businessName: 'Acme', name: 'A', email: 'not-an-email' }, 'body.email'],
      ['an empty name', { businessName: 'Acme', name: '   ', email: 'a@b.test' }, 'body.name'],
      ['an array body', [1, 2], 'body'],
    ];
    for (const [label, body, path] of cases) {
      it(`refuses ${label}`, async () => {
        const before = await countRows(t, w);
        const res = await clientFor(t, w.aOwner).post('/api/invitations/contractor', body);
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const problem = res.json();
        expect(problem.detail).not.toMatch(/at .*\.ts|stack/i);
        if (path !== 'body' || problem.details?.fieldErrors) expect(problem.details.fieldErrors[0].path).toBe(path);
        expect(await countRows(t, w)).toEqual(before);
      });
    }

    it('refuses a body over 1 MB with 413', async () => {
      const res = await clientFor(t, w.aOwner).post('/api/invitations/contractor', {
        businessName: 'A',
        name: 'B',
        email: 'c@d.test',
        pad: 'x'.repeat(1_100_000),
      });
      expect(res.statusCode).toBe(413);
    });
  });
});
