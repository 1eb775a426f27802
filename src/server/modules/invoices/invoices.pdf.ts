import { formatScaledDecimal, QUANTITY_SCALE } from '../../../shared/domain/invoice.totals.ts';
import { formatAmount } from '../../../shared/domain/money.ts';
import { loadPdfKit } from '../../lib/pdf.document.ts';

/** What a generated invoice shows: the contractor's business details, the organization, the lines and totals. */
export interface InvoicePdfInput {
  number: string;
  issueOn: string;
  dueOn: string;
  currency: string;
  taxRateBp: number;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  note: string;
  correctsNumber: string | null;
  from: { legalName: string; address: string; taxId: string; bankDetails: string; email: string; phone: string };
  to: { name: string };
  lines: Array<{ description: string; quantityMilli: number; unitAmountMinor: number; amountMinor: number }>;
}

/** An amount with the currency's code (the PDF's built-in fonts have no glyph for many currency signs). */
export function formatPdfMoney(amountMinor: number, currency: string): string {
  return `${currency} ${formatAmount(amountMinor, currency, 'en-US')}`;
}

const margin = 50;
const columns = { description: margin, quantity: 300, unit: 360, amount: 460 } as const;
const widths = { description: 240, quantity: 55, unit: 95, amount: 85 } as const;

function writeParty(doc: PDFKit.PDFDocument, title: string, lines: string[], x: number, y: number): number {
  doc.font('Helvetica-Bold').fontSize(10).text(title, x, y, { width: 230 });
  doc.font('Helvetica').fontSize(10);
  for (const line of lines.filter((l) => l.trim() !== '')) doc.text(line, x, doc.y, { width: 230 });
  return doc.y;
}

function writeTableHeader(doc: PDFKit.PDFDocument): void {
  const y = doc.y;
  doc.font('Helvetica-Bold').fontSize(9);
  doc.text('Description', columns.description, y, { width: widths.description });
  doc.text('Quantity', columns.quantity, y, { width: widths.quantity, align: 'right' });
  doc.text('Unit amount', columns.unit, y, { width: widths.unit, align: 'right' });
  doc.text('Amount', columns.amount, y, { width: widths.amount, align: 'right' });
  doc
    .moveTo(margin, doc.y + 2)
    .lineTo(doc.page.width - margin, doc.y + 2)
    .stroke();
  doc.y += 6;
  doc.font('Helvetica').fontSize(9);
}

/** The invoice as a PDF (A4): header, both parties, the lines (the header repeats on each page), totals, "Page n of m". */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    info: { Title: `Invoice ${input.number}`, Author: input.from.legalName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const money = (minor: number) => formatPdfMoney(minor, input.currency);

  doc.font('Helvetica-Bold').fontSize(20).text(`Invoice ${input.number}`, margin, margin);
  doc.font('Helvetica').fontSize(10).text(`Issued ${input.issueOn} · Due ${input.dueOn}`);
  if (input.correctsNumber) doc.text(`Corrects invoice ${input.correctsNumber}`);
  const top = doc.y + 16;
  const fromEnd = writeParty(
    doc,
    'From',
    [
      input.from.legalName,
      ...input.from.address.split('\n'),
      input.from.taxId ? `Tax id: ${input.from.taxId}` : '',
      input.from.email,
      input.from.phone,
    ],
    margin,
    top,
  );
  const toEnd = writeParty(doc, 'Bill to', [input.to.name], 320, top);
  doc.y = Math.max(fromEnd, toEnd) + 20;
  doc.x = margin;

  writeTableHeader(doc);
  const bottom = doc.page.height - margin - 30;
  for (const line of input.lines) {
    const height = doc.heightOfString(line.description, { width: widths.description });
    if (doc.y + height > bottom) {
      doc.addPage();
      writeTableHeader(doc);
    }
    const y = doc.y;
    doc.text(line.description, columns.description, y, { width: widths.description });
    const after = doc.y;
    doc.text(formatScaledDecimal(line.quantityMilli, Math.log10(QUANTITY_SCALE)), columns.quantity, y, {
      width: widths.quantity,
      align: 'right',
    });
    doc.text(money(line.unitAmountMinor), columns.unit, y, { width: widths.unit, align: 'right' });
    doc.text(money(line.amountMinor), columns.amount, y, { width: widths.amount, align: 'right' });
    doc.y = Math.max(after, doc.y) + 4;
  }

  if (doc.y + 120 > bottom) doc.addPage();
  doc
    .moveTo(columns.unit, doc.y)
    .lineTo(doc.page.width - margin, doc.y)
    .stroke();
  doc.y += 6;
  const totals: Array<[string, string]> = [
    ['Subtotal', money(input.subtotalMinor)],
    [`Tax (${formatScaledDecimal(input.taxRateBp, 2)} %)`, money(input.taxMinor)],
    ['Total', money(input.totalMinor)],
  ];
  for (const [label, value] of totals) {
    const y = doc.y;
    doc.font(label === 'Total' ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    doc.text(label, columns.quantity, y, { width: 150 });
    doc.text(value, columns.amount - 40, y, { width: widths.amount + 40, align: 'right' });
    doc.y += 2;
  }
  doc.x = margin;
  doc.moveDown();
  if (input.from.bankDetails) writeParty(doc, 'Pay to', input.from.bankDetails.split('\n'), margin, doc.y);
  if (input.note) {
    doc.moveDown();
    writeParty(doc, 'Note', input.note.split('\n'), margin, doc.y);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(8);
    // Writing in the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    const footer = `Invoice ${input.number} · Page ${i + 1 - range.start} of ${range.count}`;
    doc.text(footer, margin, doc.page.height - margin - 10, { width: doc.page.width - 2 * margin, align: 'center', lineBreak: false });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
