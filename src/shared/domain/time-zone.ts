/**
 * An organization's calendar: IANA time zones, "today" there, and days counted there. Used by
 * the server ("overdue", reminders, auto-approval) and by the web (the Settings picker).
 */

import { dateTimeFormat } from '../format/intl.formatters.ts';

/** A formatter of the wall clock in a zone; throws a RangeError for a zone the runtime does not know. */
function wallClockIn(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Every IANA zone the runtime knows, with UTC first (some runtimes leave UTC out of the list). */
export function listTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}

/** An IANA name such as `Europe/London` or `UTC` (not an offset like `+02:00`), known to the runtime. */
export function isTimeZone(value: string): boolean {
  if (value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    wallClockIn(value);
    return true;
  } catch {
    return false;
  }
}

/** The zone's own spelling of a name it accepts (`europe/london` → `Europe/London`). */
export function canonicalTimeZone(value: string): string {
  return wallClockIn(value).resolvedOptions().timeZone;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(timeZone: string, instant: Date): WallClock {
  const parts = Object.fromEntries(
    wallClockIn(timeZone)
      .formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The last answer of todayIn per zone, for the second it was asked: a list asks once per row. */
const todays = new Map<string, { second: number; date: string }>();
/** Only zones the runtime knows reach the map (~430 IANA names): it is cleared before it passes them. */
const TODAYS_MAX = 600;

/** The calendar date (YYYY-MM-DD) in the zone at that instant: "today" for the organization. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const second = Math.floor(now.getTime() / 1000);
  const known = todays.get(timeZone);
  if (known?.second === second) return known.date;
  const c = wallClockAt(timeZone, now);
  const date = `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
  if (todays.size >= TODAYS_MAX) todays.clear();
  todays.set(timeZone, { second, date });
  return date;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(timeZone: string, instant: Date): number {
  const c = wallClockAt(timeZone, instant);
  const wall = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The same wall-clock time `days` calendar days later in the zone: across a change to or from
 * summer time that is 23 or 25 hours a day, as people there count days.
 */
export function addDaysIn(timeZone: string, instant: Date, days: number): Date {
  const c = wallClockAt(timeZone, instant);
  const millis = instant.getTime() % 1000;
  const wall = Date.UTC(c.year, c.month - 1, c.day + days, c.hour, c.minute, c.second, millis);
  const guess = wall - offsetAt(timeZone, new Date(wall));
  return new Date(wall - offsetAt(timeZone, new Date(guess)));
}

/** True for a YYYY-MM-DD date that exists, in years 1900 to 9999. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const date = new Date(`${value}T00:00:00Z`);
  return year >= 1900 && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
