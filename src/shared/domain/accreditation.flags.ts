import { ACCREDITATION_EXPIRY_WARNING_DAYS } from './accreditations.ts';

/**
 * Accreditation flags: beside each technician wherever one is picked for jobs, what is wrong
 * with their accreditations for those jobs. Pure: the caller loads technicians, jobs and
 * "today" (in the organization's or contractor's calendar); dates are calendar days
 * (YYYY-MM-DD), compared as text.
 *
 * For each job and each accreditation type it requires, the technician's accreditation of
 * that type (the one that lasts longest, when they hold several) is:
 * - `missing`: they hold none;
 * - `expires_before_scheduled`: it expires before the day the job is scheduled (an already
 *   expired one too; a job without a scheduled day counts from today);
 * - `expires_soon`: it expires within `warningDays` days of today, though after the job's day.
 * An accreditation is valid through its expiry day.
 */

export const accreditationFlagKinds = ['missing', 'expires_before_scheduled', 'expires_soon'] as const;
export type AccreditationFlagKind = (typeof accreditationFlagKinds)[number];

export const accreditationFlagLabels: Record<AccreditationFlagKind, string> = {
  missing: 'Missing',
  expires_before_scheduled: 'Expires before the scheduled date',
  expires_soon: 'Expires soon',
};

/** An accreditation "expires soon" within this many days (flags and reminders): the shared list's number. */
export const ACCREDITATION_WARNING_DAYS = ACCREDITATION_EXPIRY_WARNING_DAYS;

export interface HeldAccreditation {
  type: string;
  /** YYYY-MM-DD; null when it does not expire. */
  expiresOn: string | null;
}

export interface FlagTechnician {
  id: string;
  accreditations: readonly HeldAccreditation[];
}

export interface FlagJob {
  id: string;
  requiredAccreditations: readonly string[];
  /** YYYY-MM-DD, or null when not scheduled yet. */
  scheduledOn: string | null;
}

export interface AccreditationFlag {
  kind: AccreditationFlagKind;
  type: string;
  /** The expiry of the accreditation held (null for `missing`). */
  expiresOn: string | null;
  /** The jobs this flag concerns, in the order given. */
  jobIds: string[];
}

export interface TechnicianFlags {
  technicianId: string;
  flags: AccreditationFlag[];
}

export interface FlagInput {
  technicians: readonly FlagTechnician[];
  jobs: readonly FlagJob[];
  /** YYYY-MM-DD. */
  today: string;
  /** When set, every job is judged as if scheduled on this day (the date a bulk edit is about to set). */
  scheduledOn?: string | null;
  warningDays?: number;
}

/** The calendar day `days` after `day` (YYYY-MM-DD, UTC arithmetic on a date without a time). */
export function addCalendarDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The longest-lasting accreditation of each type a technician holds (null expiry lasts forever). */
function bestByType(accreditations: readonly HeldAccreditation[]): Map<string, HeldAccreditation> {
  const best = new Map<string, HeldAccreditation>();
  for (const held of accreditations) {
    const current = best.get(held.type);
    if (!current || lastsLonger(held, current)) best.set(held.type, held);
  }
  return best;
}

function lastsLonger(a: HeldAccreditation, b: HeldAccreditation): boolean {
  if (b.expiresOn === null) return false;
  return a.expiresOn === null || a.expiresOn > b.expiresOn;
}

/** What is wrong with one accreditation type for one job, or null. */
export function judgeAccreditation(
  held: HeldAccreditation | undefined,
  jobDay: string,
  today: string,
  warningDays = ACCREDITATION_WARNING_DAYS,
): AccreditationFlagKind | null {
  if (!held) return 'missing';
  if (held.expiresOn === null) return null;
  if (held.expiresOn < jobDay) return 'expires_before_scheduled';
  if (held.expiresOn <= addCalendarDays(today, warningDays)) return 'expires_soon';
  return null;
}

/** Flags per technician, for every technician given (an empty list when all is well), in the order given. */
export function flagAccreditations(input: FlagInput): TechnicianFlags[] {
  const warningDays = input.warningDays ?? ACCREDITATION_WARNING_DAYS;
  return input.technicians.map((technician) => {
    const best = bestByType(technician.accreditations);
    const flags = new Map<string, AccreditationFlag>();
    for (const job of input.jobs) {
      const scheduled = input.scheduledOn ?? job.scheduledOn;
      const jobDay = scheduled && scheduled > input.today ? scheduled : input.today;
      for (const type of new Set(job.requiredAccreditations)) {
        const held = best.get(type);
        const kind = judgeAccreditation(held, jobDay, input.today, warningDays);
        if (!kind) continue;
        const key = `${kind}:${type}`;
        const flag = flags.get(key) ?? { kind, type, expiresOn: held?.expiresOn ?? null, jobIds: [] };
        flag.jobIds.push(job.id);
        flags.set(key, flag);
      }
    }
    return { technicianId: technician.id, flags: [...flags.values()].sort(byKindThenType) };
  });
}

function byKindThenType(a: AccreditationFlag, b: AccreditationFlag): number {
  const kinds = accreditationFlagKinds.indexOf(a.kind) - accreditationFlagKinds.indexOf(b.kind);
  return kinds !== 0 ? kinds : a.type.localeCompare(b.type);
}

/** True when a technician has any flag: assigning them needs a confirmation. */
export function isFlagged(flags: TechnicianFlags): boolean {
  return flags.flags.length > 0;
}
