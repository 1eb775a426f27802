/** The columns of a jobs CSV import, in the order the example file shows them. */
export const jobCsvColumns = [
  'site_name',
  'site_address',
  'due_on',
  'contractor',
  'engagement_id',
  'description',
  'priority',
  'po_number',
  'po_amount',
  'po_currency',
  'access_details',
  'required_accreditations',
  'template',
] as const;
export type JobCsvColumn = (typeof jobCsvColumns)[number];

/** Every row needs these, and `contractor` or `engagement_id`. */
export const requiredJobCsvColumns: readonly JobCsvColumn[] = ['site_name', 'site_address', 'due_on'];

/**
 * An example file to start from (the import page offers it for download): a header and two rows,
 * one naming a template and accreditations (separated by `;`), one with only what is required.
 */
export function exampleJobCsv(contractor = 'Acme Maintenance'): string {
  const rows = [
    jobCsvColumns.join(','),
    `Harbour Tower,"1 Quay St, Sydney",2027-03-01,${contractor},,Annual fire inspection,high,PO-1001,1250.00,AUD,"Gate code 4321; ask for Sam",fire_systems;working_at_heights,`,
    `Depot North,"12 Mill Rd, Parramatta",2027-03-15,${contractor},,,,,,,,,`,
  ];
  return `${rows.join('\r\n')}\r\n`;
}
