import { toDecimalString } from '../../../shared/domain/money.ts';
import { paymentMethodLabels, type PaymentMethod } from '../../../shared/domain/payment.rules.ts';
import type { Statement, StatementLine } from '../../../shared/schemas/statement.schema.ts';
import type { CsvColumn } from '../../lib/csv.export.ts';
import {
  createPdf,
  drawNote,
  drawParties,
  drawTable,
  drawTitle,
  drawTotals,
  finishPdf,
  type PdfColumn,
  type PdfDoc,
  type PdfParty,
} from '../../lib/pdf.document.ts';
import type { HistoryRow } from './money.history.ts';

const amountOf = (amountMinor: number, currency: string) => toDecimalString({ amountMinor, currency });
const methodOf = (method: string | null) => (method ? (paymentMethodLabels[method as PaymentMethod] ?? method) : '');
const kindLabels: Record<StatementLine['kind'], string> = { approved: 'Approved', cancelled: 'Cancelled', paid: 'Paid' };

export const statementCsvColumns: CsvColumn<StatementLine>[] = [
  { header: 'Date', cell: (l) => l.date },
  { header: 'Entry', cell: (l) => kindLabels[l.kind] },
  { header: 'Description', cell: (l) => l.description },
  { header: 'Method', cell: (l) => methodOf(l.method) },
  { header: 'Reference', cell: (l) => l.reference },
  { header: 'Currency', cell: (l) => l.currency },
  { header: 'Amount', cell: (l) => amountOf(l.amountMinor, l.currency) },
  { header: 'Balance', cell: (l) => amountOf(l.balanceMinor, l.currency) },
  { header: 'Payment status', cell: (l) => l.status },
  { header: 'Payment id', cell: (l) => l.paymentId },
];

export const historyCsvColumns: CsvColumn<HistoryRow>[] = [
  { header: 'Sent on', cell: (r) => r.sentOn },
  { header: 'Expected on', cell: (r) => r.expectedOn },
  { header: 'Organization', cell: (r) => r.organizationName },
  { header: 'Contractor', cell: (r) => r.contractorName },
  { header: 'Description', cell: (r) => r.description },
  { header: 'Currency', cell: (r) => r.currency },
  { header: 'Amount', cell: (r) => amountOf(r.amountMinor, r.currency) },
  { header: 'Method', cell: (r) => methodOf(r.method) },
  { header: 'Reference', cell: (r) => r.reference },
  { header: 'Status', cell: (r) => r.status },
  { header: 'Received at', cell: (r) => r.receivedAt?.toISOString() ?? '' },
  { header: 'Payment id', cell: (r) => r.id },
];

export interface ContractorDetails {
  legalName: string;
  address: string;
  taxId: string;
  email: string;
  phone: string;
}

function contractorParty(name: string, details: ContractorDetails | null): PdfParty {
  if (!details) return { heading: 'Contractor', lines: [name, 'Business details not entered yet (Settings → Business details).'] };
  return {
    heading: 'Contractor',
    lines: [details.legalName, ...details.address.split('\n'), details.taxId && `Tax id: ${details.taxId}`, details.email, details.phone],
  };
}

/** The statement as a PDF a person files for taxes: both parties, the totals per currency, every line, page numbers. */
export async function statementPdf(statement: Statement, details: ContractorDetails | null): Promise<PdfDoc> {
  const title = `Statement ${statement.from} to ${statement.to}`;
  const doc = await createPdf({ title, subject: `${statement.contractor.name} and ${statement.organization.name}` });
  drawTitle(doc, 'Statement of account', `${statement.from} to ${statement.to} (days in ${statement.timeZone})`);
  drawParties(doc, contractorParty(statement.contractor.name, details), {
    heading: 'Organization',
    lines: [statement.organization.name],
  });
  doc.font('Helvetica-Bold').fontSize(11).text('Summary per currency').moveDown(0.3);
  drawTable(
    doc,
    [
      { header: 'Currency', width: 0.15, cell: (t) => t.currency },
      { header: 'Opening', width: 0.17, align: 'right', cell: (t) => amountOf(t.openingMinor, t.currency) },
      { header: 'Approved', width: 0.17, align: 'right', cell: (t) => amountOf(t.approvedMinor, t.currency) },
      { header: 'Cancelled', width: 0.17, align: 'right', cell: (t) => amountOf(t.cancelledMinor, t.currency) },
      { header: 'Paid', width: 0.17, align: 'right', cell: (t) => amountOf(t.paidMinor, t.currency) },
      { header: 'Closing', width: 0.17, align: 'right', cell: (t) => amountOf(t.closingMinor, t.currency) },
    ],
    statement.totals,
    'No money in this period.',
  );
  doc.font('Helvetica-Bold').fontSize(11).text('Entries').moveDown(0.3);
  const columns: PdfColumn<StatementLine>[] = [
    { header: 'Date', width: 0.11, cell: (l) => l.date },
    { header: 'Entry', width: 0.09, cell: (l) => kindLabels[l.kind] },
    { header: 'Description', width: 0.29, cell: (l) => l.description },
    { header: 'Method, reference', width: 0.23, cell: (l) => [methodOf(l.method), l.reference].filter(Boolean).join(' ') },
    { header: 'Amount', width: 0.14, align: 'right', cell: (l) => `${amountOf(l.amountMinor, l.currency)} ${l.currency}` },
    { header: 'Balance', width: 0.14, align: 'right', cell: (l) => `${amountOf(l.balanceMinor, l.currency)} ${l.currency}` },
  ];
  drawTable(doc, columns, statement.lines);
  drawTotals(
    doc,
    statement.totals.map((t) => ({
      label: `Closing balance ${t.currency}`,
      value: `${amountOf(t.closingMinor, t.currency)} ${t.currency}`,
    })),
  );
  if (statement.invoices.length > 0) {
    doc.font('Helvetica-Bold').fontSize(11).text('Invoices issued in the period', 48).moveDown(0.3);
    drawTable(
      doc,
      [
        { header: 'Number', width: 0.22, cell: (i) => i.number },
        { header: 'Issued', width: 0.16, cell: (i) => i.issueOn },
        { header: 'Due', width: 0.16, cell: (i) => i.dueOn },
        { header: 'Status', width: 0.2, cell: (i) => i.status },
        { header: 'Total', width: 0.26, align: 'right', cell: (i) => `${amountOf(i.totalMinor, i.currency)} ${i.currency}` },
      ],
      statement.invoices,
    );
  }
  drawNote(
    doc,
    'Approved: money the organization approved for payment (a milestone, an invoice, or entered by hand). Paid: the day the organization sent it. ' +
      'The balance is what was approved and not paid yet. Amounts of different currencies are never added together. Generated by Portico.',
  );
  finishPdf(doc, `${statement.contractor.name} · ${statement.organization.name}`);
  return doc;
}

/** Payment history as a PDF: every sent payment of the filter, with totals per currency. */
export async function historyPdf(title: string, subtitle: string, rows: Iterable<HistoryRow>): Promise<PdfDoc> {
  const doc = await createPdf({ title });
  drawTitle(doc, title, subtitle);
  const totals = new Map<string, number>();
  const counted = (function* () {
    for (const row of rows) {
      totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.amountMinor);
      yield row;
    }
  })();
  drawTable(
    doc,
    [
      { header: 'Sent on', width: 0.12, cell: (r) => r.sentOn },
      { header: 'Organization', width: 0.16, cell: (r) => r.organizationName },
      { header: 'Contractor', width: 0.16, cell: (r) => r.contractorName },
      { header: 'Description', width: 0.2, cell: (r) => r.description ?? '' },
      { header: 'Method', width: 0.11, cell: (r) => methodOf(r.method) },
      { header: 'Status', width: 0.09, cell: (r) => r.status },
      { header: 'Amount', width: 0.16, align: 'right', cell: (r) => `${amountOf(r.amountMinor, r.currency)} ${r.currency}` },
    ],
    counted,
    'No payments sent in this period.',
  );
  drawTotals(
    doc,
    [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => ({ label: `Total ${currency}`, value: `${amountOf(amount, currency)} ${currency}` })),
  );
  finishPdf(doc, title);
  return doc;
}
