import { z } from 'zod';
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

/** A calendar date, YYYY-MM-DD, that exists. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD.')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'This date does not exist.');
