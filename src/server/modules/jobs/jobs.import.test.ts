import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractors, jobs } from '../../db/schema/index.ts';
import { createJob, multipart } from '../../test/jobs.work.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';
import { neutraliseCell } from './jobs.export.ts';
import { parseMajorAmount } from './jobs.csv.ts';
import { readInvoiceableJob } from './jobs.invoice.ts';

describe('jobs: CSV import and export, templates', () => {
  let t: TestApp;
  let w: World;
  let contractorName: string;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    const [x] = await t.db.select().from(contractors).where(eq(contractors.id, w.contractorX));
    contractorName = x!.name;
    await clientFor(t, w.aOwner).post('/api/job-templates', {
      name: 'Gutters',
      tasks: [{ title: 'Clear gutters' }, { title: 'Photos', photos: 'required' }],
    });
  });

  const jobsOfA = async () => (await t.db.select({ n: count() }).from(jobs).where(eq(jobs.organizationId, w.orgA)))[0]!.n;
  const upload = (csv: string, mode: 'preview' | 'import', who = w.aOwner) =>
    clientFor(t, who).request('POST', `/api/jobs/import?mode=${mode}`, undefined, multipart('jobs.csv', csv, 'text/csv'));

  it('previews every refused row with its reasons, writing nothing; then imports the rest in one go', async () => {
    const csv = [
      'site_name,site_address,due_on,contractor,po_amount,po_currency,required_accreditations,template,description',
      `Depot 1,1 Rail St,2027-02-01,${contractorName},1250.50,AUD,working at heights;first_aid,Gutters,Clean`,
      `Depot 2,2 Rail St,2027-02-30,${contractorName},,,,,`,
      `Depot 3,3 Rail St,2027-02-03,${contractorName},,,juggling,,`,
      `Depot 4,4 Rail St,2027-02-04,${contractorName},,,,,=HYPERLINK("http://evil")`,
      'Depot 5,5 Rail St,2027-02-05,Nobody Ltd,,,,,',
      `Depot 6,6 Rail St,2027-02-06,${contractorName},12.345,AUD,,,`,
      `Depot 7,7 Rail St,2027-02-07,${contractorName},,,,No such template,`,
      `Depot 8,8 Rail St,2027-02-08,${contractorName},,,,,`,
    ].join('\n');
    const before = await jobsOfA();
    const preview = await upload(csv, 'preview');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ mode: 'preview', totalRows: 8, accepted: 2, refusedCount: 6, imported: 0 });
    const reasons = Object.fromEntries(
      preview
        .json()
        .refused.map((r: { row: number; problems: Array<{ reason: string }> }) => [r.row, r.problems.map((p) => p.reason).join(' ')]),
    );
    expect(reasons[3]).toMatch(/due_on "2027-02-30" is not a date/);
    expect(reasons[4]).toMatch(/Unknown accreditation type: juggling/);
    expect(reasons[5]).toMatch(/description starts with "=": formulas are not imported/);
    expect(reasons[6]).toMatch(/No active contractor named "Nobody Ltd"/);
    expect(reasons[7]).toMatch(/more decimals than AUD allows/);
    expect(reasons[8]).toMatch(/No template named "No such template"/);
    const columns = Object.fromEntries(
      preview
        .json()
        .refused.map((r: { row: number; problems: Array<{ column: string | null }> }) => [r.row, r.problems.map((p) => p.column)]),
    );
    expect(columns).toMatchObject({
      3: ['due_on'],
      4: ['required_accreditations'],
      5: ['description'],
      6: ['contractor'],
      7: ['po_amount'],
      8: ['template'],
    });
    expect(await jobsOfA()).toBe(before);
    const done = await upload(csv, 'import');
    expect(done.json()).toMatchObject({ mode: 'imported', accepted: 2, imported: 2, refusedCount: 6 });
    expect(await jobsOfA()).toBe(before + 2);
    const listed = await clientFor(t, w.xAdmin).get('/api/jobs?q=Depot 1');
    const job = listed.json().items[0];
    expect(job).toMatchObject({
      poAmountMinor: 125_050,
      poCurrency: 'AUD',
      requiredAccreditations: ['working_at_heights', 'first_aid'],
      status: 'assigned',
    });
    expect((await clientFor(t, w.xAdmin).get(`/api/jobs/${job.id}`)).json().tasks).toHaveLength(2);
  });

  it('refuses a file with missing or unknown columns, too many rows, or too many bytes, importing nothing', async () => {
    const before = await jobsOfA();
    const missing = await upload('site_name,due_on\nA,2027-01-01', 'import');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe('Missing columns: site_address, contractor.');
    const unknown = await upload('site_name,site_address,due_on,contractor,colour\nA,B,2027-01-01,X,red', 'import');
    expect(unknown.json().detail).toMatch(/^Unknown columns: colour\./);
    const rows = Array.from({ length: 50_000 }, (_, i) => `Site ${i},Road ${i},2027-01-01,${contractorName}`);
    const huge = await upload(['site_name,site_address,due_on,contractor', ...rows].join('\n'), 'import');
    expect(huge.statusCode).toBe(400);
    expect(huge.json().detail).toBe('The file has 50,000 rows; import at most 5,000 at a time (split the file). Nothing was imported.');
    const tooBig = await upload(`site_name,site_address,due_on,contractor\n${'x'.repeat(6 * 1024 * 1024)},a,2027-01-01,b`, 'import');
    expect(tooBig.statusCode).toBe(413);
    expect((await upload('', 'import')).statusCode).toBe(400);
    expect((await upload('site_name,site_address,due_on,contractor\nA,B,2027-01-01,X', 'import', w.aViewer)).statusCode).toBe(403);
    expect((await upload('site_name,site_address,due_on,contractor\nA,B,2027-01-01,X', 'import', w.xAdmin)).statusCode).toBe(403);
    expect(await jobsOfA()).toBe(before);
  });

  it('exports the filtered list as CSV, neutralising formulas, within the scope of who asks', async () => {
    const id = await createJob(t, w, { siteName: '=cmd|calc', description: '@SUM(A1)' });
    const csv = await clientFor(t, w.aViewer).get('/api/jobs/export?q=cmd');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^number,status,site_name/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("'=cmd|calc");
    expect(lines[1]).toContain("'@SUM(A1)");
    expect((await clientFor(t, w.xAdmin).get('/api/jobs/export?q=cmd')).body).toContain("'=cmd|calc");
    expect((await clientFor(t, w.xTech).get('/api/jobs/export?q=cmd')).body).not.toContain('cmd');
    expect((await clientFor(t, w.bOwner).get('/api/jobs/export')).body).not.toContain(id);
    expect(neutraliseCell('-1+2')).toBe("'-1+2");
    expect(neutraliseCell('Plain')).toBe('Plain');
    expect(parseMajorAmount('10', 'JPY')).toBe(10);
    expect(parseMajorAmount('0.00', 'EUR')).toMatch(/more than zero/);
  });

  it('keeps templates per organization: edit with If-Match, delete, never seen by others', async () => {
    const owner = clientFor(t, w.aOwner);
    const created = await owner.post('/api/job-templates', { name: 'Lifts', tasks: [{ title: 'Inspect cables' }] });
    const id = created.json().id;
    expect((await owner.post('/api/job-templates', { name: 'Lifts' })).statusCode).toBe(409);
    const edited = await owner.edit(`/api/job-templates/${id}`, {
      name: 'Lifts (annual)',
      tasks: [{ title: 'A' }, { title: 'B', photos: 'none' }],
    });
    expect(edited.json()).toMatchObject({ name: 'Lifts (annual)', version: 2 });
    expect(edited.json().tasks.map((task: { position: number; title: string }) => `${task.position}:${task.title}`)).toEqual([
      '1:A',
      '2:B',
    ]);
    expect((await clientFor(t, w.bOwner).get(`/api/job-templates/${id}`)).statusCode).toBe(404);
    expect((await clientFor(t, w.xAdmin).get('/api/job-templates')).json().items).toEqual([]);
    expect((await clientFor(t, w.aViewer).post('/api/job-templates', { name: 'Nope' })).statusCode).toBe(403);
    // Buttons from abilities: a viewer reads the templates, an owner manages them.
    const asViewer = (await clientFor(t, w.aViewer).get('/api/job-templates')).json();
    expect(asViewer.abilities).toEqual({ create: false });
    expect(asViewer.items.find((tpl: { id: string }) => tpl.id === id).abilities).toEqual({ edit: false, delete: false });
    expect((await owner.get('/api/job-templates')).json().abilities).toEqual({ create: true });
    expect(edited.json().abilities).toEqual({ edit: true, delete: true });
    const stale = await owner.request('PATCH', `/api/job-templates/${id}`, { name: 'Old', tasks: [] }, { headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect((await owner.request('DELETE', `/api/job-templates/${id}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/job-templates/${id}`)).statusCode).toBe(404);
  });
});

describe('jobs: the invoice plug', () => {
  it('lets an invoice link only a visible job of its engagement that is being completed or reviewed', async () => {
    const t = await getTestApp();
    const w = await createWorld(t);
    const id = await createJob(t, w);
    const xAdmin = { kind: 'contractor' as const, userId: w.xAdmin.userId, contractorId: w.contractorX, role: 'admin' as const };
    const yAdmin = { kind: 'contractor' as const, userId: w.yAdmin.userId, contractorId: w.contractorY, role: 'admin' as const };
    await expect(readInvoiceableJob(t.db, xAdmin, id, w.engagementAX)).rejects.toMatchObject({ code: 'CONFLICT' });
    await clientFor(t, w.xAdmin).post(`/api/jobs/${id}/accept`, {});
    expect((await readInvoiceableJob(t.db, xAdmin, id, w.engagementAX)).id).toBe(id);
    await expect(readInvoiceableJob(t.db, yAdmin, id, w.engagementBY)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(readInvoiceableJob(t.db, xAdmin, id, w.engagementBY)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
