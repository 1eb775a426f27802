import { beforeAll, describe, expect, it } from 'vitest';
import { contractorActionJobStatuses, isJobOverdue, jobStatuses, notPerformedJobStatuses } from '../../../shared/domain/job.machine.ts';
import { type DeskSort, deskSorts } from '../../../shared/schemas/job-desk.schema.ts';
import { createDeskScene, technicianIdOf } from '../../test/desk.world.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

type Row = {
  id: string;
  number: number;
  siteName: string;
  status: string;
  priority: string;
  dueOn: string;
  scheduledOn: string | null;
  poNumber: string | null;
  organization: { id: string; name: string };
  createdAt: string;
  technicians: Array<{ id: string }>;
  overdue: boolean;
};

const statusRank = (s: string) => jobStatuses.indexOf(s as never);
const priorityRank = (p: string) => ['low', 'normal', 'high', 'urgent'].indexOf(p);
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The order each sort promises, computed here independently of the SQL. */
const keyOf: Record<DeskSort, (r: Row) => Array<string | number>> = {
  due: (r) => [r.dueOn, r.id],
  scheduled: (r) => [r.scheduledOn ?? '9999-99-99', r.id],
  status: (r) => [statusRank(r.status), r.dueOn, r.id],
  priority: (r) => [priorityRank(r.priority), r.dueOn, r.id],
  site: (r) => [r.siteName.toLowerCase(), r.id],
  po: (r) => [r.poNumber ?? '', r.id],
  created: (r) => [r.createdAt, r.id],
  organization: (r) => [r.organization.name, r.organization.id, r.dueOn, r.id],
};

function sortedBy(rows: Row[], sort: DeskSort, dir: 'asc' | 'desc'): string[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      const ka = keyOf[sort](a);
      const kb = keyOf[sort](b);
      for (let i = 0; i < ka.length; i++) {
        const c = cmp(ka[i]!, kb[i]!);
        if (c !== 0) return c * sign;
      }
      return 0;
    })
    .map((r) => r.id);
}

describe('the jobs desk (GET /api/desk/jobs)', () => {
  let t: TestApp;
  let w: World;
  let scene: Awaited<ReturnType<typeof createDeskScene>>;
  let all: Row[];

  async function walk(
    query: string,
    limit = 7,
  ): Promise<{ rows: Row[]; pages: number; first: { total: { count: number; more: boolean } | null } }> {
    const client = clientFor(t, w.xOffice);
    const rows: Row[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let first: { total: { count: number; more: boolean } | null } | undefined;
    do {
      const res = await client.get(`/api/desk/jobs?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      first ??= body;
      if (pages > 0) expect(body.total).toBeNull();
      rows.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    return { rows, pages, first: first! };
  }

  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    scene = await createDeskScene(t, w);
    all = (await walk('sort=due', 200)).rows;
  });

  it('lists every job of every organization engaging the contractor, and none of another contractor', async () => {
    expect(all).toHaveLength(scene.xJobs.length);
    expect(new Set(all.map((r) => r.organization.id))).toEqual(new Set([w.orgA, scene.orgC]));
    const yIds = new Set(scene.yJobs.map((j) => j.id));
    expect(all.some((r) => yIds.has(r.id))).toBe(false);
    const first = await clientFor(t, w.xAdmin).get('/api/desk/jobs?limit=5');
    expect(first.json().total).toEqual({ count: scene.xJobs.length, more: false });
    expect(first.json().items[0].abilities).toEqual(expect.objectContaining({ accept: expect.any(Boolean), staff: expect.any(Boolean) }));
  });

  for (const sort of deskSorts)
    for (const dir of ['asc', 'desc'] as const)
      it(`sorts by ${sort} ${dir}: every row once, in order, page after page`, async () => {
        const { rows, pages } = await walk(`sort=${sort}&dir=${dir}`);
        expect(pages).toBeGreaterThan(3);
        expect(rows.map((r) => r.id)).toEqual(sortedBy(all, sort, dir));
      });

  it('filters by status, organization, technician, due dates, scheduled, overdue and needs action', async () => {
    const today = scene.today;
    const ids = async (query: string) => (await walk(`sort=due&${query}`, 50)).rows.map((r) => r.id).sort();
    const expectIds = (pick: (r: Row) => boolean) =>
      all
        .filter(pick)
        .map((r) => r.id)
        .sort();
    expect(await ids('status=accepted,scheduled')).toEqual(expectIds((r) => r.status === 'accepted' || r.status === 'scheduled'));
    expect(await ids(`organizationId=${scene.orgC}`)).toEqual(expectIds((r) => r.organization.id === scene.orgC));
    expect(await ids(`technicianId=${technicianIdOf(w.xTech)}`)).toEqual(expectIds((r) => r.technicians.length > 0));
    expect(await ids(`dueFrom=${today}&dueTo=${today.slice(0, 8)}28`)).toEqual(
      expectIds((r) => r.dueOn >= today && r.dueOn <= `${today.slice(0, 8)}28`),
    );
    expect(await ids('scheduled=false')).toEqual(expectIds((r) => r.scheduledOn === null));
    expect(await ids('scheduled=true')).toEqual(expectIds((r) => r.scheduledOn !== null));
    const overdue = await ids('overdue=true');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue).toEqual(expectIds((r) => r.overdue));
    for (const r of all.filter((row) => overdue.includes(row.id))) expect(notPerformedJobStatuses).toContain(r.status);
    expect(isJobOverdue({ status: 'assigned', dueOn: '2000-01-01' }, today)).toBe(true);
    expect(await ids('needsAction=true')).toEqual(expectIds((r) => contractorActionJobStatuses.includes(r.status as never)));
  });

  it('searches site, address, PO number and description by the beginnings of words', async () => {
    const withPo = all.find((r) => r.poNumber)!;
    const digits = withPo.poNumber!.replace('PO-', '');
    const byPo = (await walk(`q=${encodeURIComponent(digits)}`, 50)).rows;
    expect(byPo.map((r) => r.id)).toContain(withPo.id);
    const bySite = (await walk(`q=${encodeURIComponent('harbour vie')}`, 50)).rows;
    expect(bySite.length).toBeGreaterThan(0);
    for (const r of bySite) expect(`${r.siteName}`.toLowerCase()).toContain('harbour');
    expect((await walk('q=extinguisher', 50)).rows.length).toBeGreaterThan(0);
    expect((await walk(`q=${encodeURIComponent("'); drop table jobs; --")}`, 50)).rows).toEqual([]);
    expect((await walk('q=zzzznothing', 50)).first.total).toEqual({ count: 0, more: false });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const client = clientFor(t, w.xAdmin);
    const cases: Array<[string, string]> = [
      ['sort=bogus', 'querystring.sort'],
      ['limit=201', 'querystring.limit'],
      ['status=accepted,bogus', 'querystring.status'],
      [`q=${'a'.repeat(101)}`, 'querystring.q'],
      ['dueFrom=2026-02-30', 'querystring.dueFrom'],
      ['overdue=yes', 'querystring.overdue'],
      ['organizationId=nope', 'querystring.organizationId'],
      ['unknown=1', 'querystring'],
    ];
    for (const [query, path] of cases) {
      const res = await client.get(`/api/desk/jobs?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(String(res.json().details.fieldErrors[0].path).startsWith(path), `${query}: ${res.body}`).toBe(true);
    }
    const forged = Buffer.from(JSON.stringify(['not-a-date', 'x'])).toString('base64url');
    const res = await client.get(`/api/desk/jobs?sort=due&cursor=${forged}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fieldErrors[0].path).toBe('cursor');
    const wrongSort = await client.get(
      `/api/desk/jobs?sort=status&cursor=${Buffer.from(JSON.stringify(['a', '2026-01-01', 'x'])).toString('base64url')}`,
    );
    expect(wrongSort.statusCode).toBe(400);
  });

  it('is the contractor members’ view: its technician and staff are refused', async () => {
    expect((await clientFor(t, w.xTech).get('/api/desk/jobs')).statusCode).toBe(403);
    expect((await clientFor(t, w.aOwner).get('/api/desk/jobs')).statusCode).toBe(403);
    expect((await clientFor(t, null).get('/api/desk/jobs')).statusCode).toBe(401);
  });
});
