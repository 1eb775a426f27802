import { describe, expect, it } from 'vitest';
import { exampleJobCsv } from '../../../shared/domain/job-import.ts';
import { parseJobCsv, validateCsvRow } from './jobs.csv.ts';

describe('the example jobs CSV the import page offers', () => {
  it('parses, and each of its rows passes the row checks (only the contractor is resolved later)', () => {
    const rows = parseJobCsv(exampleJobCsv('Crew Co'));
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    const checked = rows.map(validateCsvRow);
    for (const row of checked) expect(row).not.toHaveProperty('problems');
    expect(checked[0]).toMatchObject({
      contractor: 'Crew Co',
      fields: { siteAddress: '1 Quay St, Sydney', poAmountMinor: 125000, poCurrency: 'AUD', priority: 'high' },
    });
    expect(checked[0]).toHaveProperty('fields.requiredAccreditations', ['fire_systems', 'working_at_heights']);
  });
});
