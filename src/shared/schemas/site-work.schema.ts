import { z } from 'zod';
import { taskPhotoRules, taskResults } from '../domain/accreditations.ts';
import { jobStatuses } from '../domain/job.machine.ts';
import { defectSeverities, MAX_TASK_DEFECTS, visitOutcomes } from '../domain/site-work.ts';
import { idSchema, personNameSchema } from './common.schema.ts';

/**
 * The technician on site (issue 10): "I'm on site", "Revisit required", service-task answers,
 * photos, "I've performed this work" with signatures, the job report, and the person's
 * preferences (mobile number, saved signature).
 */

/** Task params: the job and one of its tasks. */
export const taskParamsSchema = z.object({ id: idSchema, taskId: idSchema }).strict();
export const photoParamsSchema = z.object({ id: idSchema, taskId: idSchema, photoId: idSchema }).strict();
export const jobPhotoParamsSchema = z.object({ id: idSchema, photoId: idSchema }).strict();

/**
 * A moment the device saw (offline, a change is sent later): ISO 8601 with offset; the server
 * refuses one in the future (beyond a few minutes of clock drift) or older than 14 days.
 */
export const deviceTimeSchema = z.string().datetime({ offset: true });

/** Where the device was, if the person allowed it: WGS 84 degrees and the accuracy radius in metres. */
export const siteLocationSchema = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    accuracyM: z.number().min(0).max(100_000).nullable().default(null),
  })
  .strict();

export const onSiteSchema = z
  .object({
    location: siteLocationSchema.nullable().default(null),
    /** When the button was pressed on the device (defaults to when the server receives it). */
    at: deviceTimeSchema.optional(),
  })
  .strict();

export const siteRevisitSchema = z
  .object({
    reason: z.string().trim().min(1, 'Say why a revisit is needed.').max(2000),
    at: deviceTimeSchema.optional(),
  })
  .strict();

export const defectInputSchema = z
  .object({
    description: z.string().trim().min(1, 'Describe the defect.').max(2000),
    severity: z.enum(defectSeverities),
  })
  .strict();

/** The whole answer of a task, replaced at once (a replay of the same answer changes nothing). */
export const taskAnswerSchema = z
  .object({
    result: z.enum(taskResults).nullable(),
    defects: z.array(defectInputSchema).max(MAX_TASK_DEFECTS).default([]),
    remarks: z.string().trim().max(4000).nullable().default(null),
    at: deviceTimeSchema.optional(),
  })
  .strict();

export const attachPhotoSchema = z
  .object({
    /** A file uploaded by the caller with POST /api/files (an image: JPEG, PNG, WebP or HEIC). */
    fileId: idSchema,
    caption: z.string().trim().max(500).nullable().default(null),
    at: deviceTimeSchema.optional(),
  })
  .strict();

/**
 * A PNG signature as base64 (a `data:image/png;base64,` prefix is accepted). The decoded bytes
 * must start with the PNG signature and weigh at most 1 MB (400 otherwise, naming the field).
 */
export const signaturePngSchema = z.string().trim().min(1).max(1_500_000);

export const performSchema = z
  .object({
    notes: z.string().trim().max(4000).nullable().default(null),
    technician: z
      .object({
        /** The name printed under the signature; defaults to the signed-in person's name. */
        name: personNameSchema.optional(),
        signaturePng: signaturePngSchema,
        signedAt: deviceTimeSchema.optional(),
      })
      .strict(),
    siteContact: z
      .object({ name: personNameSchema, signaturePng: signaturePngSchema, signedAt: deviceTimeSchema.optional() })
      .strict()
      .nullable()
      .default(null),
    at: deviceTimeSchema.optional(),
  })
  .strict();

export const sitePhotoSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  fileId: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  caption: z.string().nullable(),
  takenAt: z.string(),
  addedBy: z.string().nullable(),
  /** GET this to show the photo (inline). */
  url: z.string(),
});

export const siteDefectSchema = z.object({ description: z.string(), severity: z.enum(defectSeverities) });

export const siteTaskSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  resultRequired: z.boolean(),
  defectsAllowed: z.boolean(),
  photos: z.enum(taskPhotoRules),
  result: z.enum(taskResults).nullable(),
  remarks: z.string().nullable(),
  defects: z.array(siteDefectSchema),
  photoList: z.array(sitePhotoSchema),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const siteVisitSchema = z.object({
  id: z.string(),
  arrivedAt: z.string(),
  by: z.string().nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number(), accuracyM: z.number().nullable() }).nullable(),
  endedAt: z.string().nullable(),
  outcome: z.enum(visitOutcomes).nullable(),
  reason: z.string().nullable(),
});

export const siteSignoffSchema = z.object({
  id: z.string(),
  notes: z.string().nullable(),
  technicianName: z.string(),
  technicianSignedAt: z.string(),
  siteContactName: z.string().nullable(),
  siteContactSignedAt: z.string().nullable(),
  performedAt: z.string(),
  by: z.string().nullable(),
  /** The job report, once generated (it is, with the sign-off). */
  report: z.object({ fileId: z.string(), name: z.string(), size: z.number().int(), url: z.string() }).nullable(),
});

/** What is still missing before "I've performed this work": each named. */
export const siteMissingSchema = z.object({
  taskId: z.string(),
  position: z.number().int(),
  title: z.string(),
  what: z.enum(['result', 'photo']),
  message: z.string(),
});

export const siteAbilitiesSchema = z.object({
  onSite: z.boolean(),
  revisit: z.boolean(),
  /** Answer tasks and add or remove photos: while the job is in progress, for who may perform it. */
  answer: z.boolean(),
  perform: z.boolean(),
  downloadReport: z.boolean(),
});

/** A job as worked on site: the tech view and the desk show the same. */
export const siteSheetSchema = z.object({
  job: z.object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(jobStatuses),
    siteName: z.string(),
    siteAddress: z.string(),
    description: z.string(),
    accessDetails: z.string(),
    scheduledOn: z.string().nullable(),
    dueOn: z.string(),
    organizationName: z.string(),
    contractorName: z.string(),
    version: z.number().int(),
  }),
  tasks: z.array(siteTaskSchema),
  visits: z.array(siteVisitSchema),
  signoff: siteSignoffSchema.nullable(),
  missing: z.array(siteMissingSchema),
  abilities: siteAbilitiesSchema,
});
export type SiteSheet = z.infer<typeof siteSheetSchema>;

/** E.164-ish: a plus, then 8 to 15 digits; spaces, dots, dashes and brackets are dropped first. */
export const mobileSchema = z
  .string()
  .trim()
  .max(32)
  .transform((s) => s.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, 'Give the number with its country code, e.g. +44 7700 900123.'));

export const putMobileSchema = z.object({ mobile: mobileSchema.nullable() }).strict();
export const putSavedSignatureSchema = z.object({ signaturePng: signaturePngSchema }).strict();

export const preferencesSchema = z.object({
  mobile: z.string().nullable(),
  /** The saved signature, offered when signing; never applied by itself. */
  signature: z.object({ png: z.string(), savedAt: z.string() }).nullable(),
});
