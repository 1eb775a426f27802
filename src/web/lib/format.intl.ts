import { formatCalendarDay, localizeDates } from '../../shared/format/dates.ts';
import { formatMoney as formatMoneyIn, type Money } from '../../shared/domain/money.ts';
import { dateTimeFormat, numberFormat, relativeTimeFormat } from '../../shared/format/intl.formatters.ts';

/** The user's locale, as the browser reports it. */
export function userLocale(): string {
  return typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';
}

/**
 * The browser loads its locale data on a page's first Intl call: ~20 ms on a laptop, 70–140 ms on
 * a mid-range phone (Chromium at 4× CPU slowdown), whichever formatter asks first. main.tsx makes
 * that call in a task of its own while the app's code downloads, so it is not part of the app's
 * start (React Aria asks for the locale while its module loads); the formatter is kept for formatDate.
 */
export function prepareLocaleData(): void {
  dateTimeFormat(userLocale(), { dateStyle: 'medium' });
}

function toDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 Mar 2026" in the user's locale and time zone. */
export function formatDate(iso: string): string {
  const date = toDate(iso);
  return date ? dateTimeFormat(userLocale(), { dateStyle: 'medium' }).format(date) : iso;
}

/** "12 Mar 2026, 14:05" in the user's locale and time zone. */
export function formatDateTime(iso: string): string {
  const date = toDate(iso);
  return date ? dateTimeFormat(userLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date) : iso;
}

/** "3 days ago", "in 2 hours": for recent or upcoming moments. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const date = toDate(iso);
  if (!date) return iso;
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = relativeTimeFormat(userLocale(), { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'minute');
}

/** Money (integer minor units + ISO 4217 code) in the user's locale. */
export function formatMoney(money: Money): string {
  return formatMoneyIn(money, userLocale());
}

/** A calendar day ("2026-03-12", no time of day) in the user's locale: the same day everywhere. */
export function formatDay(day: string): string {
  return formatCalendarDay(day, userLocale());
}

/** A server text (notification, error) with its ISO dates formatted for this reader: the one rule of shared/format/dates.ts. */
export function formatText(text: string): string {
  return localizeDates(text, userLocale());
}

/** Today's calendar day in the user's time zone, as YYYY-MM-DD (for date inputs). */
export function todayDay(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** "1.2 MB", "640 kB" in the user's locale. */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return numberFormat(userLocale(), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A number of days: "14 days", "1 day". */
export function formatDays(days: number): string {
  return numberFormat(userLocale(), { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days);
}
