import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contracts, milestones, organizations } from '../db/schema/index.ts';
import { raceTitle } from '../test/race.ts';
import { getTestApp, type TestApp } from '../test/test-app.ts';
import { createActiveContract, createMilestone } from '../test/work.ts';
import { type Client, clientFor, createWorld, type World } from '../test/world.ts';

/** PATCH with an If-Match header (or none). */
function patchWith(client: Client, url: string, body: unknown, ifMatch?: string) {
  return client.request('PATCH', url, body, ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } });
}

describe('no lost updates: versions, ETag and If-Match', () => {
  let t: TestApp;
  let w: World;
  let contractId: string;
  let milestoneId: string;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    contractId = await createActiveContract(t, w);
    milestoneId = await createMilestone(t, w, contractId);
  });

  const records = () => [
    { what: 'contract', url: `/api/contracts/${contractId}`, change: (n: number) => ({ title: `Brand refresh ${n}` }), field: 'title' },
    { what: 'milestone', url: `/api/milestones/${milestoneId}`, change: (n: number) => ({ title: `Logo concepts ${n}` }), field: 'title' },
    { what: 'organization', url: '/api/organizations/current', change: (n: number) => ({ name: `Org A ${n}` }), field: 'name' },
  ];

  it('sends the version in the body and as the ETag of every read and edit', async () => {
    const owner = clientFor(t, w.aOwner);
    for (const r of records()) {
      const read = await owner.get(r.url);
      expect(read.statusCode, r.what).toBe(200);
      expect(read.json().version, r.what).toEqual(expect.any(Number));
      expect(read.headers.etag, r.what).toBe(`"${read.json().version}"`);
      const edited = await patchWith(owner, r.url, r.change(1), read.headers.etag as string);
      expect(edited.statusCode, `${r.what}: ${edited.body}`).toBe(200);
      expect(edited.json().version, r.what).toBe(read.json().version + 1);
      expect(edited.headers.etag, r.what).toBe(`"${edited.json().version}"`);
    }
  });

  it('refuses the second of two edits made from the same read: 412 STALE_VERSION with the current version, nothing overwritten', async () => {
    const alice = clientFor(t, w.aOwner);
    const bob = clientFor(t, w.aAdmin);
    for (const r of records()) {
      const read = await alice.get(r.url);
      const etag = read.headers.etag as string;
      const first = await patchWith(alice, r.url, r.change(2), etag);
      expect(first.statusCode, r.what).toBe(200);
      const second = await patchWith(bob, r.url, r.change(3), etag);
      expect(second.statusCode, `${r.what}: ${second.body}`).toBe(412);
      expect(second.json()).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: first.json().version } });
      expect(second.json().detail).toMatch(/changed by someone else/);
      expect(second.headers.etag).toBe(`"${first.json().version}"`);
      expect((await alice.get(r.url)).json()[r.field], r.what).toBe(r.change(2)[r.field as keyof ReturnType<typeof r.change>]);
      // A weak form of the current ETag is accepted (a proxy may weaken it).
      const retried = await patchWith(bob, r.url, r.change(3), `W/"${first.json().version}"`);
      expect(retried.statusCode, `${r.what}: ${retried.body}`).toBe(200);
    }
  });

  it('asks for If-Match (428 PRECONDITION_REQUIRED) and refuses one that is not an ETag (400); `*` overwrites deliberately', async () => {
    const owner = clientFor(t, w.aOwner);
    for (const r of records()) {
      const before = (await owner.get(r.url)).json().version;
      const missing = await patchWith(owner, r.url, r.change(4));
      expect(missing.statusCode, `${r.what}: ${missing.body}`).toBe(428);
      expect(missing.json().code).toBe('PRECONDITION_REQUIRED');
      const junk = await patchWith(owner, r.url, r.change(4), 'version 3');
      expect(junk.statusCode, r.what).toBe(400);
      expect((await owner.get(r.url)).json().version, r.what).toBe(before);
      const any = await patchWith(owner, r.url, r.change(5), '*');
      expect(any.statusCode, r.what).toBe(200);
    }
  });

  it('moves the version on at every status change, so an edit made before a transition is stale after it', async () => {
    const owner = clientFor(t, w.aOwner);
    const id = await createMilestone(t, w, contractId, { title: 'Print files' });
    const read = await owner.get(`/api/milestones/${id}`);
    const submitted = await clientFor(t, w.xAdmin).post(`/api/milestones/${id}/submit`, { note: 'Ready.' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().version).toBe(read.json().version + 1);
    const stale = await patchWith(owner, `/api/milestones/${id}`, { title: 'Print-ready files' }, read.headers.etag as string);
    expect(stale.statusCode).toBe(412);
    const [row] = await t.db.select().from(milestones).where(eq(milestones.id, id));
    expect(row).toMatchObject({ title: 'Print files', status: 'submitted', version: read.json().version + 1 });

    const contract = await owner.post('/api/contracts', {
      engagementId: w.engagementAX,
      title: 'Signage',
      scopeHtml: '<p>Signs.</p>',
      rateType: 'fixed',
      rateAmountMinor: 100_000,
      currency: 'EUR',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      ipClause: '',
      noticePeriodDays: 7,
    });
    expect(contract.json().version).toBe(1);
    const activated = await owner.post(`/api/contracts/${contract.json().id}/activate`);
    expect(activated.json().version).toBe(2);
    const renewed = await owner.post(`/api/contracts/${contract.json().id}/renew`, { endDate: '2027-03-31' });
    expect(renewed.json().version).toBe(3);
  });

  it(raceTitle('lets exactly one of 20 concurrent edits from the same read win: 1 × 200, 19 × 412'), async () => {
    const clients = [clientFor(t, w.aOwner), clientFor(t, w.aAdmin), clientFor(t, w.aManager)];
    for (const r of records()) {
      const read = await clients[0]!.get(r.url);
      const etag = read.headers.etag as string;
      const editors = r.what === 'organization' ? clients.slice(0, 2) : clients;
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => patchWith(editors[i % editors.length]!, r.url, r.change(100 + i), etag)),
      );
      const statuses = answers.map((a) => a.statusCode);
      expect(
        statuses.filter((s) => s === 200),
        `${r.what}: ${statuses.join(',')}`,
      ).toHaveLength(1);
      expect(
        statuses.filter((s) => s === 412),
        r.what,
      ).toHaveLength(19);
      const winner = answers.find((a) => a.statusCode === 200)!.json();
      expect(winner.version).toBe(read.json().version + 1);
      for (const lost of answers.filter((a) => a.statusCode === 412)) expect(lost.json().details.currentVersion).toBe(winner.version);
    }
    const [contract] = await t.db.select().from(contracts).where(eq(contracts.id, contractId));
    const [organization] = await t.db.select().from(organizations).where(eq(organizations.id, w.orgA));
    expect(contract!.title).toMatch(/^Brand refresh 1\d\d$/);
    expect(organization!.name).toMatch(/^Org A 1\d\d$/);
  });
});
