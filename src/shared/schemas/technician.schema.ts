import { z } from 'zod';
import { accreditationFlagKinds } from '../domain/accreditation.flags.ts';
import { accreditationTypes } from '../domain/accreditations.ts';
import { emailSchema, idSchema, personNameSchema } from './common.schema.ts';
import { dateSchema } from './money.schema.ts';

/** A phone number as people type it: digits, spaces and + ( ) - . only, 6–32 characters. */
export const mobileSchema = z
  .string()
  .trim()
  .min(6, 'Enter the whole number, with the area or country code.')
  .max(32)
  .regex(/^\+?[0-9 ()\-.]+$/, 'Use digits, spaces and + ( ) - . only.');

export const addTechnicianSchema = z
  .object({ name: personNameSchema, email: emailSchema, mobile: mobileSchema.nullable().optional() })
  .strict();

export const updateTechnicianSchema = z
  .object({ name: personNameSchema.optional(), mobile: mobileSchema.nullable().optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.mobile !== undefined, 'Change the name or the mobile number.');

export const accreditationNumberSchema = z.string().trim().max(60);

export const addAccreditationSchema = z
  .object({
    type: z.enum(accreditationTypes),
    number: accreditationNumberSchema.default(''),
    expiresOn: dateSchema.nullable().optional(),
    fileId: idSchema.nullable().optional(),
  })
  .strict();

export const updateAccreditationSchema = z
  .object({
    type: z.enum(accreditationTypes).optional(),
    number: accreditationNumberSchema.optional(),
    expiresOn: dateSchema.nullable().optional(),
    fileId: idSchema.nullable().optional(),
  })
  .strict();

export const accreditationSchema = z.object({
  id: z.string(),
  technicianId: z.string(),
  type: z.enum(accreditationTypes),
  number: z.string(),
  expiresOn: z.string().nullable(),
  file: z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() }).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), remove: z.boolean() }),
});
export type Accreditation = z.infer<typeof accreditationSchema>;

export const technicianStatuses = ['invited', 'active'] as const;

export const technicianSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  mobile: z.string().nullable(),
  /** `invited` until they first sign in. */
  status: z.enum(technicianStatuses),
  version: z.number().int(),
  createdAt: z.string(),
  abilities: z.object({ edit: z.boolean(), remove: z.boolean(), addAccreditation: z.boolean() }),
});
export type Technician = z.infer<typeof technicianSchema>;

export const technicianDetailSchema = technicianSchema.extend({ accreditations: z.array(accreditationSchema) });
export type TechnicianDetail = z.infer<typeof technicianDetailSchema>;

export const technicianListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
    q: z.string().trim().max(120).optional(),
  })
  .strict();

/** The technicians to pick from for a set of jobs, judged on the date about to be set (or each job's own). */
export const technicianFlagsRequestSchema = z
  .object({
    jobIds: z.array(idSchema).max(1000).default([]),
    scheduledOn: dateSchema.nullable().optional(),
    /** Narrows the crew by name or email (a big crew is picked by typing). */
    q: z.string().trim().max(120).optional(),
    limit: z.number().int().min(1).max(200).default(100),
  })
  .strict();

export const accreditationFlagSchema = z.object({
  kind: z.enum(accreditationFlagKinds),
  type: z.enum(accreditationTypes),
  expiresOn: z.string().nullable(),
  jobIds: z.array(z.string()),
});
export type AccreditationFlagView = z.infer<typeof accreditationFlagSchema>;

export const technicianChoiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  flags: z.array(accreditationFlagSchema),
});
export type TechnicianChoice = z.infer<typeof technicianChoiceSchema>;

export const technicianFlagsSchema = z.object({
  /** The day "expires soon" and unscheduled jobs were counted from (YYYY-MM-DD, UTC). */
  today: z.string(),
  /** The contractor's technicians (not removed), by name, at most `limit`. */
  technicians: z.array(technicianChoiceSchema),
  /** More technicians match than `limit`: narrow with `q`. */
  hasMore: z.boolean(),
  /** Job ids asked about that the caller cannot see (another contractor's, or none such). */
  unknownJobIds: z.array(z.string()),
});
export type TechnicianFlags = z.infer<typeof technicianFlagsSchema>;

/** The web form of a technician: the mobile number may be left empty. */
export const technicianFormSchema = z
  .object({ name: personNameSchema, email: emailSchema, mobile: z.union([z.literal(''), mobileSchema]) })
  .strict();

/** The web form of an accreditation: expiry and number may be left empty. */
export const accreditationFormSchema = z
  .object({
    type: z.enum(accreditationTypes, { error: 'Choose the type of accreditation.' }),
    number: accreditationNumberSchema,
    expiresOn: z.union([z.literal(''), dateSchema]),
  })
  .strict();

/**
 * The technicians of one job (the contractor): the whole set, replacing the current one, and
 * the scheduled date (required to schedule an accepted job). A technician flagged for the job
 * is assigned only with `confirmFlags: true` (else 409 CONFIRMATION_REQUIRED naming the flags).
 */
export const assignJobTechniciansSchema = z
  .object({
    technicianIds: z.array(idSchema).max(20),
    scheduledOn: dateSchema.optional(),
    confirmFlags: z.boolean().default(false),
  })
  .strict();

export const jobStaffingSchema = z.object({
  jobId: z.string(),
  status: z.string(),
  scheduledOn: z.string().nullable(),
  version: z.number().int(),
  technicians: z.array(z.object({ id: z.string(), name: z.string(), flagOverrideConfirmed: z.boolean() })),
});
export type JobStaffing = z.infer<typeof jobStaffingSchema>;
