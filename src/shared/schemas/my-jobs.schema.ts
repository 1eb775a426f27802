import { z } from 'zod';
import { accreditationTypes, jobPriorities, taskPhotoRules, taskResults } from '../domain/accreditations.ts';
import { jobStatuses } from '../domain/job.machine.ts';

/** The technician's list: today's jobs (and any still open from before) or the upcoming ones. */
export const myJobsQuerySchema = z
  .object({
    when: z.enum(['today', 'upcoming']).default('today'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const myJobSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(jobStatuses),
  siteName: z.string(),
  siteAddress: z.string(),
  scheduledOn: z.string().nullable(),
  dueOn: z.string(),
  priority: z.enum(jobPriorities),
  organizationName: z.string(),
});
export type MyJob = z.infer<typeof myJobSchema>;

export const myJobsPageSchema = z.object({
  /** The day "today" was counted on (YYYY-MM-DD, UTC). */
  today: z.string(),
  items: z.array(myJobSchema),
  nextCursor: z.string().nullable(),
});

export const myJobDetailSchema = myJobSchema.extend({
  description: z.string(),
  accessDetails: z.string(),
  requiredAccreditations: z.array(z.enum(accreditationTypes)),
  documents: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() })),
  tasks: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      title: z.string(),
      photos: z.enum(taskPhotoRules),
      result: z.enum(taskResults).nullable(),
    }),
  ),
  /** Who else is on the job (names only). */
  technicians: z.array(z.string()),
});
export type MyJobDetail = z.infer<typeof myJobDetailSchema>;
