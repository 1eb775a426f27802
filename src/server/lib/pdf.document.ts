import type PDFDocument from 'pdfkit';

/**
 * Shared PDF helpers (pdfkit): an A4 document with its pages buffered so every page can say
 * "Page n of m", a block of the parties' details, tables that break across pages and repeat
 * their header, and totals. Statements, payment histories and invoices use them.
 *
 * The standard fonts (Helvetica) cover Latin-1 (WinAnsi) text.
 */
export type PdfDoc = PDFKit.PDFDocument;

export const pdfMargin = 48;
const bodySize = 9;
const rowHeight = 16;

export interface PdfMeta {
  title: string;
  subject?: string;
  author?: string;
}

/** pdfkit, loaded on the first PDF (not at every start: it and its fonts take ~0.2 s to load). */
export async function loadPdfKit(): Promise<typeof PDFDocument> {
  return (await import('pdfkit')).default;
}

/** A new A4 document whose pages stay in memory until `finishPdf` numbers them. */
export async function createPdf(meta: PdfMeta): Promise<PdfDoc> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: pdfMargin,
    bufferPages: true,
    compress: true,
    info: { Title: meta.title, Subject: meta.subject ?? meta.title, Author: meta.author ?? 'Portico', Producer: 'Portico' },
  });
  doc.font('Helvetica').fontSize(bodySize);
  return doc;
}

/** The title of the document and a line under it (e.g. the period). */
export function drawTitle(doc: PdfDoc, title: string, subtitle?: string): void {
  doc.font('Helvetica-Bold').fontSize(16).text(title, pdfMargin, pdfMargin);
  if (subtitle) doc.font('Helvetica').fontSize(10).fillColor('#444').text(subtitle).fillColor('black');
  doc.moveDown(1).font('Helvetica').fontSize(bodySize);
}

export interface PdfParty {
  heading: string;
  lines: readonly (string | null | undefined)[];
}

/** Two parties side by side (e.g. "From" the contractor, "To" the organization), each a heading and its lines. */
export function drawParties(doc: PdfDoc, left: PdfParty, right: PdfParty): void {
  const top = doc.y;
  const width = (usableWidth(doc) - 24) / 2;
  const heights = [left, right].map((party, i) => {
    const x = pdfMargin + i * (width + 24);
    doc.font('Helvetica-Bold').fontSize(10).text(party.heading, x, top, { width });
    doc.font('Helvetica').fontSize(bodySize);
    for (const line of party.lines) if (line) doc.text(line, x, doc.y, { width });
    return doc.y;
  });
  doc.x = pdfMargin;
  doc.y = Math.max(...heights) + 16;
}

export interface PdfColumn<T> {
  header: string;
  /** Share of the usable width (the shares of a table add up to 1). */
  width: number;
  align?: 'left' | 'right';
  cell: (row: T) => string;
}

function usableWidth(doc: PdfDoc): number {
  return doc.page.width - 2 * pdfMargin;
}

function bottomLimit(doc: PdfDoc): number {
  return doc.page.height - pdfMargin - 24;
}

function drawRow(doc: PdfDoc, cells: readonly string[], columns: readonly PdfColumn<unknown>[], bold: boolean): void {
  const y = doc.y;
  let x = pdfMargin;
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bodySize);
  columns.forEach((column, i) => {
    const width = column.width * usableWidth(doc);
    doc.text(cells[i] ?? '', x + 2, y + 4, {
      width: width - 4,
      align: column.align ?? 'left',
      lineBreak: false,
      ellipsis: true,
      height: rowHeight,
    });
    x += width;
  });
  doc.x = pdfMargin;
  doc.y = y + rowHeight;
}

function drawHeader(doc: PdfDoc, columns: readonly PdfColumn<unknown>[]): void {
  doc.rect(pdfMargin, doc.y, usableWidth(doc), rowHeight).fill('#eeeeee').fillColor('black');
  drawRow(
    doc,
    columns.map((c) => c.header),
    columns,
    true,
  );
}

/**
 * A table: the header row, then one row per item (a cell too long for its column ends with an
 * ellipsis), a new page with the header repeated when the page is full. Works with any iterable,
 * so callers can pass rows read in batches.
 */
export function drawTable<T>(
  doc: PdfDoc,
  columns: readonly PdfColumn<T>[],
  rows: Iterable<T>,
  emptyText = 'Nothing in this period.',
): number {
  const cols = columns as readonly PdfColumn<unknown>[];
  if (doc.y + 2 * rowHeight > bottomLimit(doc)) doc.addPage();
  drawHeader(doc, cols);
  let count = 0;
  for (const row of rows) {
    if (doc.y + rowHeight > bottomLimit(doc)) {
      doc.addPage();
      doc.y = pdfMargin;
      drawHeader(doc, cols);
    }
    drawRow(
      doc,
      columns.map((c) => c.cell(row)),
      cols,
      false,
    );
    doc
      .moveTo(pdfMargin, doc.y)
      .lineTo(pdfMargin + usableWidth(doc), doc.y)
      .lineWidth(0.3)
      .stroke('#cccccc');
    count++;
  }
  if (count === 0) drawRow(doc, [emptyText], [{ header: '', width: 1, cell: () => '' }], false);
  doc.moveDown(0.5);
  return count;
}

/** Label/value lines (totals, balances), right-aligned in the right half, bold. */
export function drawTotals(doc: PdfDoc, lines: readonly { label: string; value: string }[]): void {
  const half = usableWidth(doc) / 2;
  for (const line of lines) {
    if (doc.y + rowHeight > bottomLimit(doc)) {
      doc.addPage();
      doc.y = pdfMargin;
    }
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(bodySize)
      .text(line.label, pdfMargin + half, y, { width: half / 2, lineBreak: false });
    doc.font('Helvetica-Bold').text(line.value, pdfMargin + half + half / 2, y, { width: half / 2, align: 'right', lineBreak: false });
    doc.x = pdfMargin;
    doc.y = y + rowHeight - 2;
  }
  doc.font('Helvetica').moveDown(0.5);
}

/** A paragraph of small grey text (notes, "generated by"). */
export function drawNote(doc: PdfDoc, text: string): void {
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#555')
    .text(text, pdfMargin, doc.y, { width: usableWidth(doc) })
    .fillColor('black')
    .fontSize(bodySize);
}

/** Writes "Page n of m" (and an optional footer) on every page, then ends the document. */
export function finishPdf(doc: PdfDoc, footer?: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - pdfMargin + 8;
    const oldBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#555');
    if (footer) doc.text(footer, pdfMargin, y, { width: usableWidth(doc) / 2, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, pdfMargin, y, { width: usableWidth(doc), align: 'right', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = oldBottom;
  }
  doc.flushPages();
  doc.end();
}

/** The whole document as bytes (tests, small documents stored as files). */
export function pdfBytes(doc: PdfDoc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
