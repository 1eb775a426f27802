import { defectSeverityLabels, type DefectSeverity } from '../../../shared/domain/site-work.ts';
import type { TaskResult } from '../../../shared/domain/accreditations.ts';
import { createPdf, drawNote, drawParties, drawTitle, finishPdf, type PdfDoc, pdfBytes, pdfMargin } from '../../lib/pdf.document.ts';
import { isEmbeddableImage } from './site-work.images.ts';

/** What the job report shows: who, where, when, each task with its answer and photos, the signatures. */
export interface JobReportInput {
  job: { number: number; siteName: string; siteAddress: string; description: string; scheduledOn: string | null; dueOn: string };
  organizationName: string;
  contractorName: string;
  visits: Array<{ arrivedAt: Date; endedAt: Date | null; by: string | null; outcome: string | null; reason: string | null }>;
  tasks: Array<{
    position: number;
    title: string;
    result: TaskResult | null;
    remarks: string | null;
    answeredBy: string | null;
    answeredAt: Date | null;
    defects: Array<{ description: string; severity: DefectSeverity }>;
    photos: Array<{ name: string; mime: string; takenAt: Date; bytes: Buffer | null }>;
  }>;
  signoff: {
    notes: string | null;
    technicianName: string;
    technicianSignedAt: Date;
    technicianSignature: Buffer;
    siteContactName: string | null;
    siteContactSignedAt: Date | null;
    siteContactSignature: Buffer | null;
    performedAt: Date;
    recordedBy: string;
  };
  generatedAt: Date;
}

const resultLabels: Record<TaskResult, string> = { pass: 'Pass', fail: 'Fail', na: 'N/A' };

/** A moment as people read it on paper: "2026-12-01 09:14 UTC" (the report is the same for both sides). */
export function formatReportTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function ensureRoom(doc: PdfDoc, height: number): void {
  if (doc.y + height > doc.page.height - pdfMargin - 24) {
    doc.addPage();
    doc.y = pdfMargin;
  }
}

function heading(doc: PdfDoc, text: string): void {
  ensureRoom(doc, 40);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text(text, pdfMargin).font('Helvetica').fontSize(9).moveDown(0.2);
}

/** Draws an image scaled into a box; bytes pdfkit cannot read are named instead of failing the report. */
function drawImage(doc: PdfDoc, bytes: Buffer, x: number, y: number, box: [number, number]): boolean {
  try {
    doc.image(bytes, x, y, { fit: box });
    return true;
  } catch {
    return false;
  }
}

function drawPhotos(doc: PdfDoc, photos: JobReportInput['tasks'][number]['photos']): void {
  const box: [number, number] = [150, 112];
  let x = pdfMargin;
  const right = doc.page.width - pdfMargin;
  let rowTop = doc.y;
  for (const photo of photos) {
    if (x + box[0] > right) {
      x = pdfMargin;
      doc.y = rowTop + box[1] + 22;
    }
    ensureRoom(doc, box[1] + 22);
    rowTop = doc.y;
    const shown = photo.bytes !== null && isEmbeddableImage(photo.mime) && drawImage(doc, photo.bytes, x, rowTop, box);
    const label = `${shown ? '' : '[photo] '}${photo.name}, ${formatReportTime(photo.takenAt)}`;
    doc
      .fontSize(7)
      .fillColor('#555')
      .text(label, x, rowTop + (shown ? box[1] + 2 : 0), { width: box[0], lineBreak: false, ellipsis: true });
    doc.fillColor('black').fontSize(9);
    x += box[0] + 12;
    doc.y = rowTop;
  }
  if (photos.length > 0) doc.y = rowTop + box[1] + 22;
  doc.x = pdfMargin;
}

function drawTask(doc: PdfDoc, task: JobReportInput['tasks'][number]): void {
  ensureRoom(doc, 60);
  const result = task.result ? resultLabels[task.result] : 'No result';
  doc.font('Helvetica-Bold').fontSize(10).text(`${task.position}. ${task.title}: ${result}`, pdfMargin);
  doc.font('Helvetica').fontSize(9);
  if (task.answeredAt)
    doc
      .fillColor('#555')
      .text(`Answered by ${task.answeredBy ?? 'someone'} at ${formatReportTime(task.answeredAt)}`)
      .fillColor('black');
  for (const defect of task.defects) doc.text(`Defect (${defectSeverityLabels[defect.severity]}): ${defect.description}`, { indent: 10 });
  if (task.remarks) doc.text(`Remarks: ${task.remarks}`, { indent: 10 });
  doc.moveDown(0.3);
  drawPhotos(doc, task.photos);
  doc.moveDown(0.5);
}

function drawSignature(doc: PdfDoc, label: string, name: string, at: Date, bytes: Buffer, x: number, top: number): number {
  doc.font('Helvetica-Bold').fontSize(9).text(label, x, top, { width: 220 });
  const imageTop = doc.y + 2;
  drawImage(doc, bytes, x, imageTop, [200, 70]);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(name, x, imageTop + 74, { width: 220 });
  doc
    .fillColor('#555')
    .text(`Signed ${formatReportTime(at)}`, x, doc.y, { width: 220 })
    .fillColor('black');
  return doc.y;
}

/** The job report as a PDF (A4): parties, site, visits, tasks with results, defects, remarks and photos, signatures. */
export async function renderJobReportPdf(input: JobReportInput): Promise<Buffer> {
  const title = `Service report: Job ${input.job.number}`;
  const doc = await createPdf({ title, subject: `${input.job.siteName}, ${input.organizationName}`, author: input.contractorName });
  const done = pdfBytes(doc);
  drawTitle(doc, title, `${input.job.siteName}, ${input.job.siteAddress}`);
  drawParties(doc, { heading: 'For', lines: [input.organizationName] }, { heading: 'Work by', lines: [input.contractorName] });
  doc.text(`Scheduled: ${input.job.scheduledOn ?? 'not scheduled'}    Due: ${input.job.dueOn}`);
  doc.text(`Performed: ${formatReportTime(input.signoff.performedAt)} (recorded by ${input.signoff.recordedBy})`);
  if (input.job.description) doc.moveDown(0.3).text(input.job.description);
  heading(doc, 'Visits');
  for (const visit of input.visits) {
    const end = visit.endedAt ? ` until ${formatReportTime(visit.endedAt)}` : '';
    const outcome =
      visit.outcome === 'revisit'
        ? ` - revisit required${visit.reason ? `: ${visit.reason}` : ''}`
        : visit.outcome === 'performed'
          ? ' - performed'
          : '';
    doc.text(`On site ${formatReportTime(visit.arrivedAt)}${end}, ${visit.by ?? 'someone'}${outcome}`);
  }
  if (input.visits.length === 0) doc.text('No visit was recorded on site.');
  heading(doc, 'Service tasks');
  for (const task of input.tasks) drawTask(doc, task);
  if (input.tasks.length === 0) doc.text('This job has no service tasks.');
  if (input.signoff.notes) {
    heading(doc, 'Notes');
    doc.text(input.signoff.notes);
  }
  heading(doc, 'Signatures');
  ensureRoom(doc, 130);
  const top = doc.y;
  const s = input.signoff;
  const left = drawSignature(doc, 'Technician', s.technicianName, s.technicianSignedAt, s.technicianSignature, pdfMargin, top);
  let bottom = left;
  if (s.siteContactName && s.siteContactSignedAt && s.siteContactSignature)
    bottom = Math.max(
      bottom,
      drawSignature(doc, 'Site contact', s.siteContactName, s.siteContactSignedAt, s.siteContactSignature, pdfMargin + 260, top),
    );
  doc.x = pdfMargin;
  doc.y = bottom + 16;
  drawNote(doc, `Generated by Portico on ${formatReportTime(input.generatedAt)}.`);
  finishPdf(doc, `Job ${input.job.number} - ${input.job.siteName}`);
  return done;
}
