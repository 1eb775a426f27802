import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { and } from 'drizzle-orm';
import type { z } from 'zod';
import { jobStatusLabels } from '../../../shared/domain/job.machine.ts';
import type { jobListQuerySchema } from '../../../shared/schemas/job.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, jobRoleAbilities } from '../../access/policies.ts';
import type { Db } from '../../db/client.ts';
import { encodeCursor, keysetAfter, keysetOrder } from '../../lib/pagination.ts';
import { looksLikeFormula } from './jobs.csv.ts';
import { jobKeysets, jobListFilters, readJobs } from './jobs.queries.ts';

const EXPORT_BATCH = 1000;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe: shown as text, never run. */
export function neutraliseCell(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

const header = [
  'number',
  'status',
  'site_name',
  'site_address',
  'due_on',
  'priority',
  'organization',
  'contractor',
  'po_number',
  'po_amount_minor',
  'po_currency',
  'scheduled_on',
  'target_on',
  'performed_on',
  'required_accreditations',
  'description',
];

/**
 * The filtered list as CSV, every matching job (the same filters and scope as the list), read in
 * keyset batches and streamed: the memory used does not grow with the number of jobs.
 */
export function exportJobsCsv(db: Db, ctx: RequestContext, query: Omit<z.infer<typeof jobListQuerySchema>, 'cursor' | 'limit' | 'sort'>) {
  assertAllowed(jobRoleAbilities(ctx.actor), 'export');
  const keyset = jobKeysets.due;
  async function* rows() {
    yield header;
    let cursor: string | undefined;
    for (;;) {
      const batch = await readJobs(
        db,
        ctx.actor,
        and(jobListFilters(query), keysetAfter(keyset, cursor)),
        keysetOrder(keyset),
        EXPORT_BATCH,
        keyset,
      );
      for (const { job, organizationName, contractorName } of batch)
        yield [
          String(job.number),
          jobStatusLabels[job.status],
          job.siteName,
          job.siteAddress,
          job.dueOn,
          job.priority,
          organizationName,
          contractorName,
          job.poNumber ?? '',
          job.poAmountMinor === null ? '' : String(job.poAmountMinor),
          job.poCurrency ?? '',
          job.scheduledOn ?? '',
          job.targetOn ?? '',
          job.performedOn ?? '',
          job.requiredAccreditations.join(';'),
          job.description,
        ].map(neutraliseCell);
      if (batch.length < EXPORT_BATCH) return;
      cursor = encodeCursor(Object.values(batch.at(-1)!.key));
    }
  }
  return Readable.from(rows()).pipe(stringify({ bom: true }));
}
