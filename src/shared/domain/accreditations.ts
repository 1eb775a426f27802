/**
 * Accreditation types a job may require and a technician may hold: a fixed list of the common
 * field-service licences and inductions (Australian names where the trade uses them, as in the
 * seed guide). The database CHECKs `technician_accreditations.type` and every element of
 * `jobs.required_accreditations` against it; CSV import refuses a type not listed here.
 */
export const accreditationTypes = [
  'working_at_heights',
  'confined_space',
  'electrical_licence',
  'fire_systems',
  'first_aid',
  'white_card',
  'asbestos_awareness',
  'gas_fitting',
  'plumbing_licence',
  'police_check',
  'elevated_work_platform',
  'refrigerant_handling',
] as const;
export type AccreditationType = (typeof accreditationTypes)[number];

export const accreditationLabels: Record<AccreditationType, string> = {
  working_at_heights: 'Working at heights',
  confined_space: 'Confined space entry',
  electrical_licence: 'Electrical licence',
  fire_systems: 'Fire systems (inspection and testing)',
  first_aid: 'First aid',
  white_card: 'White card (construction induction)',
  asbestos_awareness: 'Asbestos awareness',
  gas_fitting: 'Gas fitting licence',
  plumbing_licence: 'Plumbing licence',
  police_check: 'Police check',
  elevated_work_platform: 'Elevated work platform (EWP)',
  refrigerant_handling: 'Refrigerant handling licence',
};

export function isAccreditationType(value: string): value is AccreditationType {
  return (accreditationTypes as readonly string[]).includes(value);
}

/** An accreditation "expires soon" when it expires within this many days (flags and reminders). */
export const ACCREDITATION_EXPIRY_WARNING_DAYS = 30;

export const jobPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type JobPriority = (typeof jobPriorities)[number];

export const jobPriorityLabels: Record<JobPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

/** What a service task asks of photos. */
export const taskPhotoRules = ['required', 'optional', 'none'] as const;
export type TaskPhotoRule = (typeof taskPhotoRules)[number];

/** A service task's compliance result (recorded on site: the technician-on-site issue). */
export const taskResults = ['pass', 'fail', 'na'] as const;
export type TaskResult = (typeof taskResults)[number];

/** Who put a document on a job: the company (for the contractor) or the contractor (completion). */
export const jobDocumentSides = ['company', 'contractor'] as const;
export type JobDocumentSide = (typeof jobDocumentSides)[number];

export const jobDocumentKinds = ['document', 'invoice', 'report', 'quote'] as const;
export type JobDocumentKind = (typeof jobDocumentKinds)[number];
