import { describe, expect, it } from 'vitest';
import { EMAIL_LOCALE, formatCalendarDay, localizeDates } from './dates.ts';

describe('one rule for dates in texts', () => {
  it('formats an ISO day inside a notification the way pages show it, in the reader locale', () => {
    expect(localizeDates('Due 2026-12-20 on "Brand refresh".', 'en-US')).toBe('Due Dec 20, 2026 on "Brand refresh".');
    expect(localizeDates('Due 2026-12-20 on "Brand refresh".', 'en-US')).toContain(formatCalendarDay('2026-12-20', 'en-US'));
    expect(localizeDates('Due 2026-12-20.', 'de-DE')).toBe('Due 20.12.2026.');
  });

  it('formats a moment in the given time zone, and leaves other numbers and impossible dates alone', () => {
    expect(localizeDates('Review it before 2026-12-20T14:05:00.000Z.', EMAIL_LOCALE, 'UTC')).toBe(
      'Review it before Dec 20, 2026, 2:05 PM UTC.',
    );
    expect(localizeDates('Invoice 2026-12 and order 12345, not 2026-13-45', 'en-US')).toBe(
      'Invoice 2026-12 and order 12345, not 2026-13-45',
    );
  });
});
