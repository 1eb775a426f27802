import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractors, files, jobSignoffs, jobs, jobTaskDefects, jobTaskPhotos } from '../db/schema/index.ts';
import { createOwnTestApp, type OwnTestApp } from '../test/own-database.ts';
import { extractPdfText } from '../test/pdf.text.ts';
import { seedDemo } from './demo.seed.ts';

describe('demo data: the technician on site', () => {
  let t: OwnTestApp;
  beforeAll(async () => {
    t = await createOwnTestApp({ fresh: true });
    await seedDemo(t.db, t.storage);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('has performed jobs with photos, defects, signatures and a readable report', async () => {
    const [harbor] = await t.db.select().from(contractors).where(eq(contractors.name, 'Harbor Electrical'));
    const onSite = await t.db
      .select()
      .from(jobs)
      .where(inArray(jobs.siteName, ['Marina Plaza', 'Quayside Car Park', 'Foundry Lofts']));
    expect(onSite.every((j) => j.contractorId === harbor!.id)).toBe(true);
    expect(Object.fromEntries(onSite.map((j) => [j.siteName, j.status]))).toEqual({
      'Marina Plaza': 'in_progress',
      'Quayside Car Park': 'performed_need_docs',
      'Foundry Lofts': 'closed',
    });
    const ids = onSite.map((j) => j.id);
    const signoffs = await t.db.select().from(jobSignoffs).where(inArray(jobSignoffs.jobId, ids));
    expect(signoffs).toHaveLength(2);
    expect(signoffs.every((s) => s.reportFileId && s.siteContactSignatureFileId)).toBe(true);
    expect((await t.db.select().from(jobTaskPhotos).where(inArray(jobTaskPhotos.jobId, ids))).length).toBeGreaterThanOrEqual(4);
    expect((await t.db.select().from(jobTaskDefects).where(inArray(jobTaskDefects.jobId, ids))).length).toBe(2);
    const quayside = onSite.find((j) => j.siteName === 'Quayside Car Park')!;
    const signoff = signoffs.find((s) => s.jobId === quayside.id)!;
    const [report] = await t.db.select().from(files).where(eq(files.id, signoff.reportFileId!));
    const chunks: Buffer[] = [];
    for await (const chunk of t.storage.read(report!.sha256)) chunks.push(chunk as Buffer);
    const text = (await extractPdfText(Buffer.concat(chunks))).join('\n');
    for (const line of [
      'Quayside Car Park',
      'Harbor Electrical',
      'Test every RCD: Fail',
      'Defect (High): RCD on circuit 4',
      'Tess Tech',
      'Morgan Facilities',
    ])
      expect(text).toContain(line);
  });
});
