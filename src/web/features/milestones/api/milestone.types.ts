import type { z } from 'zod';
import type {
  bulkApproveResultSchema,
  createMilestoneSchema,
  milestoneDetailSchema,
  milestoneSchema,
  submissionSchema,
  submitMilestoneSchema,
  updateMilestoneSchema,
} from '../../../../shared/schemas/milestone.schema.ts';

export type Milestone = z.infer<typeof milestoneSchema>;
export type MilestoneDetail = z.infer<typeof milestoneDetailSchema>;
export type Submission = z.infer<typeof submissionSchema>;
export type CreateMilestoneInput = z.output<typeof createMilestoneSchema>;
export type UpdateMilestoneInput = z.output<typeof updateMilestoneSchema>;
export type SubmitMilestoneInput = z.output<typeof submitMilestoneSchema>;
export type BulkApproveResult = z.infer<typeof bulkApproveResultSchema>;
