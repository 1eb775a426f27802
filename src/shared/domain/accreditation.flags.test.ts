import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  type FlagJob,
  type FlagTechnician,
  flagAccreditations,
  isFlagged,
  judgeAccreditation,
} from './accreditation.flags.ts';

const today = '2026-12-01';

describe('judgeAccreditation', () => {
  const cases: Array<[string, { type: string; expiresOn: string | null } | undefined, string, ReturnType<typeof judgeAccreditation>]> = [
    ['none held', undefined, '2026-12-10', 'missing'],
    ['never expires', { type: 'first_aid', expiresOn: null }, '2030-01-01', null],
    ['expired already (job today)', { type: 'first_aid', expiresOn: '2026-11-30' }, today, 'expires_before_scheduled'],
    ['valid through its expiry day (job that day)', { type: 'first_aid', expiresOn: '2026-12-20' }, '2026-12-20', 'expires_soon'],
    ['expires the day before the job', { type: 'first_aid', expiresOn: '2026-12-19' }, '2026-12-20', 'expires_before_scheduled'],
    ['expires on day 30', { type: 'first_aid', expiresOn: addCalendarDays(today, 30) }, today, 'expires_soon'],
    ['expires on day 31', { type: 'first_aid', expiresOn: addCalendarDays(today, 31) }, today, null],
    ['expires after the job but within 30 days', { type: 'first_aid', expiresOn: '2026-12-15' }, '2026-12-05', 'expires_soon'],
    ['expires before a job 60 days out', { type: 'first_aid', expiresOn: '2027-01-15' }, '2027-01-30', 'expires_before_scheduled'],
  ];
  for (const [name, held, jobDay, expected] of cases) {
    it(name, () => expect(judgeAccreditation(held, jobDay, today)).toBe(expected));
  }
});

describe('addCalendarDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addCalendarDays('2026-12-01', 30)).toBe('2026-12-31');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2026-03-29', -1)).toBe('2026-03-28');
  });
});

describe('flagAccreditations', () => {
  const alice: FlagTechnician = {
    id: 'alice',
    accreditations: [
      { type: 'working_at_heights', expiresOn: '2027-06-30' },
      { type: 'first_aid', expiresOn: '2026-12-20' },
    ],
  };
  const bob: FlagTechnician = { id: 'bob', accreditations: [] };
  const carol: FlagTechnician = {
    id: 'carol',
    accreditations: [
      // an old card and its renewal: the renewal counts
      { type: 'first_aid', expiresOn: '2026-11-01' },
      { type: 'first_aid', expiresOn: '2028-01-01' },
      { type: 'working_at_heights', expiresOn: null },
    ],
  };
  const jobs: FlagJob[] = [
    { id: 'j1', requiredAccreditations: ['working_at_heights', 'first_aid'], scheduledOn: '2026-12-10' },
    { id: 'j2', requiredAccreditations: ['first_aid'], scheduledOn: '2027-01-05' },
    { id: 'j3', requiredAccreditations: [], scheduledOn: null },
  ];

  it('gives each technician their flags, grouped by kind and type, naming the jobs', () => {
    const result = flagAccreditations({ technicians: [alice, bob, carol], jobs, today });
    expect(result).toEqual([
      {
        technicianId: 'alice',
        flags: [
          { kind: 'expires_before_scheduled', type: 'first_aid', expiresOn: '2026-12-20', jobIds: ['j2'] },
          { kind: 'expires_soon', type: 'first_aid', expiresOn: '2026-12-20', jobIds: ['j1'] },
        ],
      },
      {
        technicianId: 'bob',
        flags: [
          { kind: 'missing', type: 'first_aid', expiresOn: null, jobIds: ['j1', 'j2'] },
          { kind: 'missing', type: 'working_at_heights', expiresOn: null, jobIds: ['j1'] },
        ],
      },
      { technicianId: 'carol', flags: [] },
    ]);
    expect(result.map(isFlagged)).toEqual([true, true, false]);
  });

  it('judges every job on the date a bulk edit is about to set', () => {
    const [result] = flagAccreditations({ technicians: [alice], jobs, today, scheduledOn: '2027-01-10' });
    expect(result?.flags).toEqual([{ kind: 'expires_before_scheduled', type: 'first_aid', expiresOn: '2026-12-20', jobIds: ['j1', 'j2'] }]);
  });

  it('counts an unscheduled or past-scheduled job from today', () => {
    const expired: FlagTechnician = { id: 'd', accreditations: [{ type: 'first_aid', expiresOn: '2026-11-30' }] };
    const [result] = flagAccreditations({
      technicians: [expired],
      jobs: [
        { id: 'a', requiredAccreditations: ['first_aid'], scheduledOn: null },
        { id: 'b', requiredAccreditations: ['first_aid'], scheduledOn: '2026-11-01' },
      ],
      today,
    });
    expect(result?.flags).toEqual([{ kind: 'expires_before_scheduled', type: 'first_aid', expiresOn: '2026-11-30', jobIds: ['a', 'b'] }]);
  });

  it('names a required type once per job even if listed twice', () => {
    const [result] = flagAccreditations({
      technicians: [bob],
      jobs: [{ id: 'x', requiredAccreditations: ['first_aid', 'first_aid'], scheduledOn: null }],
      today,
    });
    expect(result?.flags).toEqual([{ kind: 'missing', type: 'first_aid', expiresOn: null, jobIds: ['x'] }]);
  });

  it('flags nothing without jobs, and honours another warning window', () => {
    expect(flagAccreditations({ technicians: [alice, bob], jobs: [], today })).toEqual([
      { technicianId: 'alice', flags: [] },
      { technicianId: 'bob', flags: [] },
    ]);
    const [result] = flagAccreditations({ technicians: [alice], jobs: [jobs[0]!], today, warningDays: 7 });
    expect(result?.flags).toEqual([]);
  });

  it('never flags a technician who holds every type without expiry, whatever the jobs (property over many cases)', () => {
    const types = ['a', 'b', 'c', 'd'];
    const forever: FlagTechnician = { id: 'f', accreditations: types.map((type) => ({ type, expiresOn: null })) };
    for (let i = 0; i < 200; i++) {
      const job: FlagJob = {
        id: `j${i}`,
        requiredAccreditations: types.filter((_, k) => (i >> k) & 1),
        scheduledOn: i % 3 === 0 ? null : addCalendarDays(today, (i * 37) % 900),
      };
      expect(flagAccreditations({ technicians: [forever], jobs: [job], today })[0]?.flags).toEqual([]);
      // and a technician holding nothing is flagged "missing" for exactly the required types
      const missing = flagAccreditations({ technicians: [{ id: 'n', accreditations: [] }], jobs: [job], today })[0]?.flags ?? [];
      expect(missing.map((f) => f.type).sort()).toEqual([...job.requiredAccreditations].sort());
      expect(missing.every((f) => f.kind === 'missing')).toBe(true);
    }
  });
});
