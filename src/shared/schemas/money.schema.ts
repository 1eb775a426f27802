import { z } from 'zod';
import { isCalendarDate } from '../domain/time-zone.ts';
import { isKnownCurrency } from '../domain/money.ts';

export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

/** A positive whole number of minor units, at most 10^12. */
export const amountMinorSchema = z
  .number({ error: 'Enter the amount as a whole number of minor units (cents).' })
  .int('Use whole minor units (cents); fractions of a cent are not allowed.')
  .positive('The amount must be more than zero.')
  .max(MAX_AMOUNT_MINOR, 'The amount is too large (at most 10^12 minor units).');

export const currencySchema = z
  .string()
  .length(3, 'Use a three-letter ISO 4217 currency code, such as EUR.')
  .refine(isKnownCurrency, 'This is not an ISO 4217 currency code.');

export const moneySchema = z.object({ amountMinor: z.number(), currency: z.string() });

/** A calendar date, YYYY-MM-DD, that exists (years 1900 to 9999). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD.')
  .refine(isCalendarDate, 'This date does not exist (use a year from 1900 to 9999).');

/** An ISO date-time with an offset, years 1900 to 9999. */
export const dateTimeSchema = z
  .string()
  .datetime({ offset: true })
  .refine((value) => isCalendarDate(value.slice(0, 10)), 'Use a year from 1900 to 9999.');
