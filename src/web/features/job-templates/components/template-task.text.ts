import type { TaskPhotoRule } from '../../../../shared/domain/accreditations.ts';

export const photoRuleLabels: Record<TaskPhotoRule, string> = {
  required: 'Photos required',
  optional: 'Photos optional',
  none: 'No photos',
};

/** What a task asks the technician to record, in a few words. */
export function describeTaskRecord(task: { resultRequired: boolean; defectsAllowed: boolean; photos: TaskPhotoRule }): string {
  return [
    task.resultRequired ? 'result required (pass, fail or n.a.)' : 'result optional',
    task.defectsAllowed ? 'defects recorded' : 'no defects',
    photoRuleLabels[task.photos].toLowerCase(),
  ].join(' · ');
}
