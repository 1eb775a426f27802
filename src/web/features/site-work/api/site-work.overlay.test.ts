import { describe, expect, it } from 'vitest';
import type { SiteSheet, SiteTask } from './get-site-sheet.query.ts';
import { overlayWaiting, WAITING_PHOTO_PREFIX } from './site-work.overlay.ts';

function task(id: string, position: number, photos: SiteTask['photos']): SiteTask {
  return {
    id,
    position,
    title: `Task ${position}`,
    resultRequired: true,
    defectsAllowed: true,
    photos,
    result: null,
    remarks: null,
    defects: [],
    photoList: [],
    answeredBy: null,
    answeredAt: null,
  };
}

const sheet: SiteSheet = {
  job: {
    id: 'job-1',
    number: 7,
    status: 'scheduled',
    siteName: 'Boiler House',
    siteAddress: '2 Quay Street',
    description: '',
    accessDetails: '',
    scheduledOn: '2026-12-01',
    dueOn: '2026-12-02',
    organizationName: 'Northwind',
    contractorName: 'Harbor',
    version: 1,
  },
  tasks: [task('t1', 1, 'required'), task('t2', 2, 'none')],
  visits: [],
  signoff: null,
  missing: [],
  abilities: { onSite: true, revisit: false, answer: false, perform: false, downloadReport: false },
};

describe('the job as shown with the changes waiting on the phone', () => {
  it('names each missing result and required photo, in the words the server uses', () => {
    const missing = overlayWaiting(sheet, [{ kind: 'on-site' }]).missing;
    expect(missing.map((m) => `${m.taskId}:${m.what}`)).toEqual(['t1:result', 't1:photo', 't2:result']);
    expect(missing.map((m) => m.message)).toEqual(['"Task 1" needs a result.', '"Task 1" needs a photo.', '"Task 2" needs a result.']);
  });

  it('applies the waiting changes in order: on site, answers, a photo, then performed', () => {
    const onSite = overlayWaiting(sheet, [{ kind: 'on-site' }]);
    expect(onSite.job.status).toBe('in_progress');
    expect(onSite.abilities).toMatchObject({ onSite: false, answer: true, perform: true });

    const answered = overlayWaiting(sheet, [
      { kind: 'on-site' },
      { kind: 'answer', taskId: 't1', result: 'pass', defects: [], remarks: null },
      { kind: 'photo', taskId: 't1', name: 'IMG_1.jpg' },
      { kind: 'answer', taskId: 't2', result: 'fail', defects: [{ description: 'Leak', severity: 'high' }], remarks: 'Ordered' },
    ]);
    expect(answered.tasks.map((t) => t.result)).toEqual(['pass', 'fail']);
    expect(answered.tasks[0]!.photoList[0]!.id.startsWith(WAITING_PHOTO_PREFIX)).toBe(true);
    expect(answered.tasks[1]!.defects).toEqual([{ description: 'Leak', severity: 'high' }]);
    expect(answered.missing).toEqual([]);

    const performed = overlayWaiting(answered, [{ kind: 'performed' }]);
    expect(performed.job.status).toBe('performed_need_docs');
    expect(performed.abilities).toMatchObject({ answer: false, perform: false });
  });

  it('leaves the server sheet as it is when nothing waits, and a later answer replaces an earlier one', () => {
    expect(overlayWaiting(sheet, [])).toBe(sheet);
    const twice = overlayWaiting(sheet, [
      { kind: 'answer', taskId: 't2', result: 'fail', defects: [], remarks: null },
      { kind: 'answer', taskId: 't2', result: 'na', defects: [], remarks: 'Locked' },
    ]);
    expect(twice.tasks[1]).toMatchObject({ result: 'na', remarks: 'Locked' });
  });
});
