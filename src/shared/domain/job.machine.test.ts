import { describe, expect, it } from 'vitest';
import { jobEvents, jobMachine, jobStatuses, openJobStatuses } from './job.machine.ts';
import { canFire, eventsFrom, type MachineActor } from './machine.ts';

const s = (to: string | null, ...from: string[]) => Object.fromEntries(jobStatuses.map((st) => [st, from.includes(st) ? to : null]));

/** Every event from every state: the target, or null when refused. Written out independently of the machine. */
const expected: Record<string, Record<string, string | null>> = {
  accept: s('accepted', 'assigned'),
  reject: s('rejected', 'assigned'),
  reassign: s('assigned', 'rejected'),
  schedule: s('scheduled', 'accepted'),
  start: s('in_progress', 'scheduled', 'revisit'),
  require_revisit: s('revisit', 'in_progress'),
  perform: s('performed_need_docs', 'in_progress'),
  complete: s('performed', 'accepted', 'scheduled', 'in_progress', 'performed_need_docs'),
  close: s('closed', 'performed'),
  send_back: s('revisit', 'performed'),
  cancel: s('cancelled', 'assigned', 'accepted', 'rejected', 'scheduled', 'in_progress', 'revisit', 'performed_need_docs', 'performed'),
  archive: s('archived', 'closed', 'cancelled'),
};

/** Which kinds of actor fire each event. */
const firedBy: Record<string, MachineActor[]> = {
  accept: ['contractor'],
  reject: ['contractor'],
  reassign: ['staff'],
  schedule: ['contractor'],
  start: ['technician', 'contractor'],
  require_revisit: ['technician', 'contractor'],
  perform: ['technician', 'contractor'],
  complete: ['contractor'],
  close: ['staff'],
  send_back: ['staff'],
  cancel: ['staff'],
  archive: ['staff'],
};

const kinds: MachineActor[] = ['staff', 'contractor', 'technician', 'system'];

describe('job machine', () => {
  for (const event of jobEvents)
    for (const status of jobStatuses)
      it(`${event} from ${status} → ${expected[event]![status] ?? 'refused'}`, () => {
        for (const kind of kinds) {
          const want = firedBy[event]!.includes(kind) ? expected[event]![status] : null;
          expect(canFire(jobMachine, event, status, kind) ? jobMachine[event].to : null).toBe(want);
        }
      });

  it('leaves closed, cancelled and archived jobs out of cancel, and archived jobs with nothing to do', () => {
    expect(openJobStatuses).not.toContain('closed');
    expect(openJobStatuses).not.toContain('cancelled');
    for (const kind of kinds) expect(eventsFrom(jobMachine, 'archived', kind)).toEqual([]);
  });

  it('gives the technician only the on-site events', () => {
    expect(eventsFrom(jobMachine, 'scheduled', 'technician')).toEqual(['start']);
    expect(eventsFrom(jobMachine, 'in_progress', 'technician').sort()).toEqual(['perform', 'require_revisit']);
    expect(eventsFrom(jobMachine, 'assigned', 'technician')).toEqual([]);
  });

  it('gives Portico itself no job events', () => {
    for (const status of jobStatuses) expect(eventsFrom(jobMachine, status, 'system')).toEqual([]);
  });
});
