import type { z } from 'zod';
import type { createMilestoneSchema, submitMilestoneSchema, updateMilestoneSchema } from '../../../../shared/schemas/milestone.schema.ts';
import type { ApiData } from '../../../lib/api.client.ts';

// What the API answers, from openapi.json; what forms send, from the shared schemas they validate with.
export type Milestone = ApiData<'/api/milestones', 'get'>['items'][number];
export type MilestoneDetail = ApiData<'/api/milestones/{id}', 'get'>;
export type Submission = MilestoneDetail['submissions'][number];
export type CreateMilestoneInput = z.output<typeof createMilestoneSchema>;
export type UpdateMilestoneInput = z.output<typeof updateMilestoneSchema>;
export type SubmitMilestoneInput = z.output<typeof submitMilestoneSchema>;
export type BulkApproveResult = ApiData<'/api/milestones/bulk-approve', 'post'>;
