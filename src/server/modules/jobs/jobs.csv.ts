import { parse } from 'csv-parse/sync';
import { accreditationTypes, isAccreditationType, jobPriorities } from '../../../shared/domain/accreditations.ts';
import { type JobCsvColumn, jobCsvColumns, requiredJobCsvColumns } from '../../../shared/domain/job-import.ts';
import { getMinorDigits, isKnownCurrency } from '../../../shared/domain/money.ts';
import { jobFieldsSchema } from '../../../shared/schemas/job.schema.ts';
import { isCalendarDate } from '../../../shared/domain/time-zone.ts';
import { MAX_AMOUNT_MINOR } from '../../../shared/schemas/money.schema.ts';
import { AppError } from '../../lib/errors.ts';

/** At most this many bytes per file (the route refuses more with 413) and this many rows per import. */
export const JOB_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const JOB_IMPORT_MAX_ROWS = 5000;
/** The answer lists at most this many refused rows (and counts them all). */
export const JOB_IMPORT_MAX_LISTED = 1000;

type Column = JobCsvColumn;
const requiredColumns: Column[] = [...requiredJobCsvColumns];

/** A cell a spreadsheet would run as a formula (OWASP "CSV injection"): refused on import, neutralised on export. */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}

export interface CsvJobRow {
  /** The line's number in the file, counting the header as row 1 (as a spreadsheet shows it). */
  row: number;
  cells: Partial<Record<Column, string>>;
}

/** Parses the file: the header must name the required columns and one of contractor / engagement_id; unknown columns are refused. */
export function parseJobCsv(text: string): CsvJobRow[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: 20_000,
    });
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `The file is not valid CSV: ${(error as Error).message.slice(0, 200)}`, {
      fieldErrors: [{ path: 'file', message: 'The file is not valid CSV.' }],
    });
  }
  const [header, ...rows] = records;
  if (!header) throw fileError('The file is empty: the first line must name the columns.');
  const names = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const unknown = names.filter((n) => !(jobCsvColumns as readonly string[]).includes(n));
  if (unknown.length > 0)
    throw fileError(`Unknown columns: ${unknown.slice(0, 10).join(', ')}. Known columns: ${jobCsvColumns.join(', ')}.`);
  const missing = requiredColumns.filter((c) => !names.includes(c));
  if (!names.includes('contractor') && !names.includes('engagement_id')) missing.push('contractor');
  if (missing.length > 0) throw fileError(`Missing columns: ${missing.join(', ')}.`);
  if (new Set(names).size !== names.length) throw fileError('A column is named twice.');
  if (rows.length === 0) throw fileError('The file has a header but no rows.');
  if (rows.length > JOB_IMPORT_MAX_ROWS)
    throw fileError(
      `The file has ${rows.length.toLocaleString('en-US')} rows; import at most ${JOB_IMPORT_MAX_ROWS.toLocaleString('en-US')} at a time (split the file). Nothing was imported.`,
    );
  return rows.map((cells, i) => ({
    row: i + 2,
    cells: Object.fromEntries(names.map((name, j) => [name, cells[j] ?? ''])) as CsvJobRow['cells'],
  }));
}

function fileError(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { fieldErrors: [{ path: 'file', message }] });
}

/** "1250.50" in the currency's minor units (1250.50 EUR → 125050), or a reason. */
export function parseMajorAmount(value: string, currency: string): number | string {
  const digits = getMinorDigits(currency);
  const match = /^(\d{1,13})(?:\.(\d+))?$/.exec(value);
  if (!match) return `po_amount "${value}" is not an amount (use digits and a dot, e.g. 1250.50).`;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return `po_amount "${value}" has more decimals than ${currency} allows (${digits}).`;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (minor <= 0) return 'po_amount must be more than zero.';
  if (minor > MAX_AMOUNT_MINOR) return 'po_amount is too large.';
  return minor;
}

export interface ValidatedRow {
  row: number;
  fields: ReturnType<typeof jobFieldsSchema.parse>;
  contractor: string | null;
  engagementId: string | null;
  template: string | null;
}

/** Why a row is refused: the column at fault (null when the row as a whole is), and the reason. */
export interface RowProblem {
  column: string | null;
  reason: string;
}

/** Checks one row's cells; the engagement and template are resolved against the organization afterwards. */
export function validateCsvRow(input: CsvJobRow): ValidatedRow | { row: number; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const refuse = (column: string | null, reason: string) => problems.push({ column, reason });
  const c = input.cells;
  for (const [name, value] of Object.entries(c))
    if (value && looksLikeFormula(value))
      refuse(name, `${name} starts with "${value[0] === '\t' ? 'a tab' : value[0]}": formulas are not imported.`);
  const dueOn = c.due_on ?? '';
  if (!dueOn) refuse('due_on', 'due_on is empty.');
  else if (!isCalendarDate(dueOn)) refuse('due_on', `due_on "${dueOn}" is not a date (use YYYY-MM-DD).`);
  const priority = (c.priority || 'normal').toLowerCase();
  if (!(jobPriorities as readonly string[]).includes(priority))
    refuse('priority', `priority "${c.priority}" is not one of ${jobPriorities.join(', ')}.`);
  const accreditations = (c.required_accreditations ?? '')
    .split(/[;|]/)
    .map((a) => a.trim().toLowerCase().replace(/\s+/g, '_'))
    .filter(Boolean);
  const unknownTypes = accreditations.filter((a) => !isAccreditationType(a));
  if (unknownTypes.length > 0)
    refuse(
      'required_accreditations',
      `Unknown accreditation type${unknownTypes.length > 1 ? 's' : ''}: ${unknownTypes.join(', ')} (known: ${accreditationTypes.join(', ')}).`,
    );
  let poAmountMinor: number | null = null;
  const currency = (c.po_currency ?? '').toUpperCase();
  if (c.po_amount || currency) {
    if (!c.po_amount || !currency) refuse(c.po_amount ? 'po_currency' : 'po_amount', 'po_amount and po_currency go together.');
    else if (!isKnownCurrency(currency)) refuse('po_currency', `po_currency "${c.po_currency}" is not an ISO 4217 code.`);
    else {
      const parsed = parseMajorAmount(c.po_amount, currency);
      if (typeof parsed === 'string') refuse('po_amount', parsed);
      else poAmountMinor = parsed;
    }
  }
  if (!c.contractor && !c.engagement_id) refuse('contractor', 'Name the contractor (or its engagement_id).');
  const fields = jobFieldsSchema.safeParse({
    siteName: c.site_name ?? '',
    siteAddress: c.site_address ?? '',
    description: c.description ?? '',
    dueOn: isCalendarDate(dueOn) ? dueOn : '2000-01-01',
    priority: (jobPriorities as readonly string[]).includes(priority) ? priority : 'normal',
    poNumber: c.po_number || null,
    poAmountMinor,
    poCurrency: poAmountMinor === null ? null : currency,
    accessDetails: c.access_details ?? '',
    requiredAccreditations: [...new Set(accreditations.filter(isAccreditationType))],
  });
  if (!fields.success)
    for (const issue of fields.error.issues) {
      const column = csvName(String(issue.path[0] ?? ''));
      refuse(column || null, `${column}: ${issue.message}`);
    }
  if (problems.length > 0 || !fields.success) return { row: input.row, problems };
  return {
    row: input.row,
    fields: fields.data,
    contractor: c.contractor || null,
    engagementId: c.engagement_id || null,
    template: c.template || null,
  };
}

function csvName(field: string): string {
  return field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}
