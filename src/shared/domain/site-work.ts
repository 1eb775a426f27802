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
