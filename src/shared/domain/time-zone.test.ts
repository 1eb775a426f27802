import { describe, expect, it } from 'vitest';
import { isMilestoneOverdue } from './milestone.machine.ts';
import { addDaysIn, canonicalTimeZone, isTimeZone, listTimeZones, todayIn } from './time-zone.ts';

describe('time zones', () => {
  it('knows IANA names and refuses offsets, junk and unknown places', () => {
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    for (const bad of ['', '+02:00', 'Mars/Olympus_Mons', 'Europe/London; drop table', 'a'.repeat(65), 'Europe/../../etc/passwd'])
      expect(isTimeZone(bad), bad).toBe(false);
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(listTimeZones()[0]).toBe('UTC');
    expect(listTimeZones()).toContain('Pacific/Auckland');
  });

  it('"today" is the date on the organization’s calendar, not UTC’s', () => {
    const now = new Date('2026-12-20T23:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-12-20');
    expect(todayIn('Pacific/Auckland', now)).toBe('2026-12-21');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-12-20');
    expect(todayIn('America/Los_Angeles', new Date('2026-12-21T07:59:59Z'))).toBe('2026-12-20');
    expect(todayIn('America/Los_Angeles', new Date('2026-12-21T08:00:00Z'))).toBe('2026-12-21');
  });

  it('a milestone due on the 20th is overdue in Auckland at 23:30 UTC, not in Los Angeles', () => {
    const row = { status: 'open' as const, dueDate: '2026-12-20' };
    const now = new Date('2026-12-20T23:30:00Z');
    expect(isMilestoneOverdue(row, todayIn('Pacific/Auckland', now))).toBe(true);
    expect(isMilestoneOverdue(row, todayIn('America/Los_Angeles', now))).toBe(false);
    expect(isMilestoneOverdue(row, todayIn('UTC', now))).toBe(false);
  });

  it('counts days as the calendar does across summer time', () => {
    // London moves to BST on 2026-03-29: three days after noon GMT on the 27th is noon BST on the 30th (11:00 UTC).
    expect(addDaysIn('Europe/London', new Date('2026-03-27T12:00:00Z'), 3).toISOString()).toBe('2026-03-30T11:00:00.000Z');
    expect(addDaysIn('UTC', new Date('2026-03-27T12:00:00.250Z'), 3).toISOString()).toBe('2026-03-30T12:00:00.250Z');
    expect(addDaysIn('America/Los_Angeles', new Date('2026-11-01T20:00:00Z'), -1).toISOString()).toBe('2026-10-31T19:00:00.000Z');
    expect(addDaysIn('Pacific/Auckland', new Date('2026-12-20T23:30:00Z'), 1).toISOString()).toBe('2026-12-21T23:30:00.000Z');
  });
});
