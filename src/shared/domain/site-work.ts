import type { TaskPhotoRule, TaskResult } from './accreditations.ts';

/** A defect found on site, by how bad it is. */
export const defectSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type DefectSeverity = (typeof defectSeverities)[number];

export const defectSeverityLabels: Record<DefectSeverity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/** How a visit to the site ended: a revisit is needed, or the work was performed (null while on site). */
export const visitOutcomes = ['revisit', 'performed'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];

/** The most a signature (a PNG drawn on screen) may weigh, decoded. */
export const MAX_SIGNATURE_BYTES = 1024 * 1024;
/** Photos per service task; defects per task. */
export const MAX_TASK_PHOTOS = 20;
export const MAX_TASK_DEFECTS = 20;

/** What a photo may be, detected from its bytes (the phone scales to JPEG; HEIC and others as the camera gives them). */
export const sitePhotoMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] as const;

/** Something "I've performed this work" still needs: a task's required result or required photo. */
export interface MissingForPerform {
  taskId: string;
  position: number;
  title: string;
  what: 'result' | 'photo';
  message: string;
}

/**
 * Each required result and each required photo still missing, in task order: what "performed"
 * refuses over on the server, and what the technician's phone shows while its answers wait to go.
 */
export function missingForPerform(
  tasks: ReadonlyArray<{
    id: string;
    position: number;
    title: string;
    resultRequired: boolean;
    result: TaskResult | null;
    photos: TaskPhotoRule;
    photoCount: number;
  }>,
): MissingForPerform[] {
  const missing: MissingForPerform[] = [];
  for (const t of [...tasks].sort((a, b) => a.position - b.position)) {
    const base = { taskId: t.id, position: t.position, title: t.title };
    if (t.resultRequired && t.result === null) missing.push({ ...base, what: 'result', message: `"${t.title}" needs a result.` });
    if (t.photos === 'required' && t.photoCount === 0) missing.push({ ...base, what: 'photo', message: `"${t.title}" needs a photo.` });
  }
  return missing;
}
