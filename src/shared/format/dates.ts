/**
 * One rule for dates shown to a person, on every page, notification and email: texts carry
 * dates as ISO data ("2026-12-20", "2026-12-20T14:05:00.000Z") and whoever shows the text
 * formats them in the reader's locale. The web uses the browser's locale and time zone; emails,
 * whose reader's locale the server does not know, use EMAIL_LOCALE in UTC.
 */

import { dateTimeFormat } from './intl.formatters.ts';

export const EMAIL_LOCALE = 'en-US';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_IN_TEXT = /\b(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?(?![\d:])/g;

/** A calendar day ("2026-12-20") as "Dec 20, 2026" in the locale; anything else is returned as is. */
export function formatCalendarDay(day: string, locale: string): string {
  const date = DAY.test(day) ? new Date(`${day}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime())) return day;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment as "Dec 20, 2026, 2:05 PM UTC" in the locale and time zone (the reader's when undefined). */
export function formatMoment(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** Every ISO day or moment inside a text, formatted for the reader. */
export function localizeDates(text: string, locale: string, timeZone?: string): string {
  return text.replace(ISO_IN_TEXT, (match, day: string, time: string | undefined) =>
    time ? formatMoment(match, locale, timeZone) : formatCalendarDay(day, locale),
  );
}
