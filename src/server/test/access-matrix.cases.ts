/*
 * The access matrix's cases: for each registered route, how it is called with organization A's
 * and contractor X's ids, and what an attacker must get (see access-matrix.test.ts).
 */
import { createId } from '../lib/ids.ts';
import { jobCases } from './access-matrix.jobs.cases.ts';
import { siteWorkCases } from './access-matrix.site-work.cases.ts';

export type { Case, Expectation, Victim } from './access-matrix.types.ts';
import type { Case, Victim } from './access-matrix.types.ts';

/** The victim's ids that are ids (the list also holds names, which a selection of jobs refuses as bad input). */
const idsOf = (v: Victim) => v.ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));

export const publicApiRoutes = new Set([
  'GET /health',
  'GET /ready',
  'GET /api/openapi.json',
  'GET /api/auth/*',
  'POST /api/auth/*',
  'POST /api/magic-link/redeem',
  'GET /api/invitations/preview',
  'POST /api/invitations/accept',
  'GET /api/dev/mailbox',
]);

export const cases: Record<string, Case> = {
  'GET /api/me': { expect: 'ownScope', build: () => ({ url: '/api/me' }) },
  'GET /api/organizations/current': { expect: 'ownScope', build: () => ({ url: '/api/organizations/current' }) },
  'PATCH /api/organizations/current': {
    expect: 'ownScope',
    build: () => ({ url: '/api/organizations/current', body: { name: 'Renamed by someone' } }),
  },
  'GET /api/staff': { expect: 'ownScope', build: () => ({ url: '/api/staff' }) },
  'GET /api/contractor/team': { expect: 'ownScope', build: () => ({ url: '/api/contractor/team' }) },
  'GET /api/engagements': { expect: 'ownScope', build: () => ({ url: '/api/engagements' }) },
  'GET /api/engagements/:id': { expect: 'notFound', build: (v) => ({ url: `/api/engagements/${v.engagementId}` }) },
  'POST /api/engagements/:id/end': { expect: 'notFound', build: (v) => ({ url: `/api/engagements/${v.engagementId}/end`, body: {} }) },
  'POST /api/engagements/:id/reactivate': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/engagements/${v.engagementId}/reactivate`, body: {} }),
  },
  'POST /api/invitations/contractor': {
    expect: 'ownScope',
    build: () => ({
      url: '/api/invitations/contractor',
      body: { businessName: 'Matrix Co', name: 'Mat Rix', email: `matrix.${createId()}@example.test` },
    }),
  },
  'POST /api/invitations/staff': {
    expect: 'ownScope',
    build: () => ({ url: '/api/invitations/staff', body: { name: 'Mat Rix', email: `matrix.${createId()}@example.test`, role: 'viewer' } }),
  },
  'POST /api/invitations/member': {
    expect: 'ownScope',
    build: () => ({
      url: '/api/invitations/member',
      body: { name: 'Mat Rix', email: `matrix.${createId()}@example.test`, role: 'office' },
    }),
  },
  'POST /api/invitations/technician': {
    expect: 'ownScope',
    build: () => ({ url: '/api/invitations/technician', body: { name: 'Mat Rix', email: `matrix.${createId()}@example.test` } }),
  },
  'GET /api/invitations': { expect: 'ownScope', build: () => ({ url: '/api/invitations' }) },
  'POST /api/invitations/:id/revoke': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/invitations/${v.invitationId}/revoke`, body: {} }),
  },
  'GET /api/notifications': { expect: 'ownScope', build: () => ({ url: '/api/notifications' }) },
  'POST /api/notifications/:id/read': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/notifications/${v.notificationId}/read`, body: {} }),
  },
  'POST /api/notifications/read-all': { expect: 'ownScope', build: () => ({ url: '/api/notifications/read-all', body: {} }) },
  'GET /api/organizations/current/emails': {
    expect: 'ownScope',
    build: () => ({ url: '/api/organizations/current/emails?status=undelivered' }),
  },
  'POST /api/emails/:id/resend': { expect: 'notFound', build: (v) => ({ url: `/api/emails/${v.emailId}/resend`, body: {} }) },
  'GET /api/audit-events': { expect: 'ownScope', build: () => ({ url: '/api/audit-events' }) },
  'GET /api/audit-events/head': { expect: 'ownScope', build: () => ({ url: '/api/audit-events/head' }) },
  'GET /api/home': { expect: 'ownScope', build: () => ({ url: '/api/home' }) },
  'POST /api/files': { expect: 'notFound', build: (v) => ({ url: `/api/files?engagementId=${v.engagementId}`, multipart: true }) },
  'GET /api/files/:id': { expect: 'notFound', build: (v) => ({ url: `/api/files/${v.fileId}` }) },
  'GET /api/files/:id/download': { expect: 'notFound', build: (v) => ({ url: `/api/files/${v.fileId}/download` }) },
  'GET /api/contracts': { expect: 'ownScope', build: () => ({ url: '/api/contracts' }) },
  'POST /api/contracts': {
    expect: 'notFound',
    build: (v) => ({
      url: '/api/contracts',
      body: {
        engagementId: v.engagementId,
        title: 'Sneaky',
        rateType: 'fixed',
        rateAmountMinor: 100,
        currency: 'EUR',
        startDate: '2026-01-01',
      },
    }),
  },
  'GET /api/contracts/:id': { expect: 'notFound', build: (v) => ({ url: `/api/contracts/${v.contractId}` }) },
  'PATCH /api/contracts/:id': { expect: 'notFound', build: (v) => ({ url: `/api/contracts/${v.contractId}`, body: { title: 'Changed' } }) },
  'POST /api/contracts/:id/activate': { expect: 'notFound', build: (v) => ({ url: `/api/contracts/${v.contractId}/activate`, body: {} }) },
  'POST /api/contracts/:id/end': { expect: 'notFound', build: (v) => ({ url: `/api/contracts/${v.contractId}/end`, body: {} }) },
  'POST /api/contracts/:id/terminate': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/contracts/${v.contractId}/terminate`, body: {} }),
  },
  'POST /api/contracts/:id/renew': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/contracts/${v.contractId}/renew`, body: { endDate: '2031-01-01' } }),
  },
  'GET /api/contracts/:id/revisions': { expect: 'notFound', build: (v) => ({ url: `/api/contracts/${v.contractId}/revisions` }) },
  'POST /api/contracts/:id/revisions/:number/acknowledge': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/contracts/${v.contractId}/revisions/1/acknowledge`, body: {} }),
  },
  'POST /api/contracts/:id/documents': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/contracts/${v.contractId}/documents`, body: { fileId: v.fileId } }),
  },
  'DELETE /api/contracts/:id/documents/:fileId': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/contracts/${v.contractId}/documents/${v.fileId}` }),
  },
  'GET /api/milestones': { expect: 'ownScope', build: () => ({ url: '/api/milestones' }) },
  'POST /api/contracts/:id/milestones': {
    expect: 'notFound',
    build: (v) => ({
      url: `/api/contracts/${v.contractId}/milestones`,
      body: { title: 'Sneaky', dueDate: '2026-06-01', amountMinor: 100, currency: 'EUR' },
    }),
  },
  'GET /api/milestones/:id': { expect: 'notFound', build: (v) => ({ url: `/api/milestones/${v.milestoneId}` }) },
  'PATCH /api/milestones/:id': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/milestones/${v.milestoneId}`, body: { title: 'Changed' } }),
  },
  'DELETE /api/milestones/:id': { expect: 'notFound', build: (v) => ({ url: `/api/milestones/${v.milestoneId}` }) },
  'POST /api/milestones/:id/attachments': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/milestones/${v.milestoneId}/attachments`, body: { fileId: v.fileId } }),
  },
  'DELETE /api/milestones/:id/attachments/:fileId': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/milestones/${v.milestoneId}/attachments/${v.fileId}` }),
  },
  'POST /api/milestones/:id/submit': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/milestones/${v.milestoneId}/submit`, body: { note: 'Done' } }),
  },
  'POST /api/milestones/:id/approve': { expect: 'notFound', build: (v) => ({ url: `/api/milestones/${v.milestoneId}/approve`, body: {} }) },
  'POST /api/milestones/:id/request-changes': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/milestones/${v.milestoneId}/request-changes`, body: { reason: 'No' } }),
  },
  'POST /api/milestones/bulk-approve': {
    expect: 'ownScope',
    build: (v) => ({ url: '/api/milestones/bulk-approve', body: { ids: [v.milestoneId] } }),
    verify: (body) => {
      const results = JSON.parse(body).results as Array<{ status: number }> | undefined;
      return results?.every((r) => r.status === 404) ? null : `expected every result to be 404, got ${body}`;
    },
  },
  // Money views and exports (issue 9): the attacker names A and X; staff act for their own organization, a contractor for itself.
  'GET /api/money/balances': { expect: 'ownScope', build: (v) => ({ url: `/api/money/balances?contractorId=${v.ids[1]}` }) },
  'GET /api/money/statement': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/money/statement?organizationId=${v.ids[0]}&contractorId=${v.ids[1]}&from=2026-01-01&to=2026-12-31` }),
  },
  'GET /api/money/statement.csv': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/money/statement.csv?organizationId=${v.ids[0]}&contractorId=${v.ids[1]}&from=2026-01-01&to=2026-12-31` }),
  },
  'GET /api/money/statement.pdf': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/money/statement.pdf?organizationId=${v.ids[0]}&contractorId=${v.ids[1]}&from=2026-01-01&to=2026-12-31` }),
  },
  'GET /api/money/payments.csv': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/money/payments.csv?organizationId=${v.ids[0]}&contractorId=${v.ids[1]}` }),
  },
  'GET /api/money/payments.pdf': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/money/payments.pdf?organizationId=${v.ids[0]}&contractorId=${v.ids[1]}` }),
  },
  'GET /api/payments': { expect: 'ownScope', build: () => ({ url: '/api/payments' }) },
  'GET /api/payments/totals': { expect: 'ownScope', build: () => ({ url: '/api/payments/totals' }) },
  'POST /api/payments': {
    expect: 'notFound',
    build: (v) => ({
      url: '/api/payments',
      body: { engagementId: v.engagementId, amountMinor: 100, currency: 'EUR', description: 'Sneaky' },
    }),
  },
  'POST /api/payments/batches': {
    expect: 'notFound',
    build: (v) => ({
      url: '/api/payments/batches',
      body: { method: 'wise', sentOn: '2026-12-01', items: [{ paymentId: v.draftPaymentId, amountMinor: 90_000, reference: 'X' }] },
    }),
  },
  'GET /api/payments/batches/:id/csv': { expect: 'notFound', build: (v) => ({ url: `/api/payments/batches/${v.batchId}/csv` }) },
  'GET /api/payments/four-eyes': { expect: 'ownScope', build: () => ({ url: '/api/payments/four-eyes' }) },
  'PUT /api/payments/four-eyes': {
    expect: 'ownScope',
    build: () => ({ url: '/api/payments/four-eyes', body: { enabled: true, thresholds: [{ currency: 'EUR', minAmountMinor: 1 }] } }),
  },
  'GET /api/payments/:id': { expect: 'notFound', build: (v) => ({ url: `/api/payments/${v.paymentId}` }) },
  'POST /api/payments/:id/approve': { expect: 'notFound', build: (v) => ({ url: `/api/payments/${v.draftPaymentId}/approve`, body: {} }) },
  'POST /api/payments/:id/send': {
    expect: 'notFound',
    build: (v) => ({
      url: `/api/payments/${v.draftPaymentId}/send`,
      body: { amountMinor: 90_000, method: 'wise', reference: 'X', sentOn: '2026-12-01' },
    }),
  },
  'POST /api/payments/:id/cancel': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/payments/${v.draftPaymentId}/cancel`, body: { reason: 'Sneaky' } }),
  },
  'POST /api/payments/:id/adjustments': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/payments/${v.paymentId}/adjustments`, body: { amountMinor: 100, description: 'Sneaky' } }),
  },
  'POST /api/payments/:id/confirm-receipt': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/payments/${v.paymentId}/confirm-receipt`, body: {} }),
  },
  'POST /api/payments/:id/dispute': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/payments/${v.paymentId}/dispute`, body: { body: 'Sneaky' } }),
  },
  'POST /api/payments/:id/notes': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/payments/${v.paymentId}/notes`, body: { body: 'Sneaky' } }),
  },
  'POST /api/payments/:id/resolve-as-sent': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/payments/${v.paymentId}/resolve-as-sent`, body: { body: 'Sneaky' } }),
  },
  'POST /api/payments/:id/resolve-as-received': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/payments/${v.paymentId}/resolve-as-received`, body: { body: 'Sneaky' } }),
  },
  'GET /api/technicians': { expect: 'ownScope', build: () => ({ url: '/api/technicians' }) },
  'POST /api/technicians': {
    expect: 'ownScope',
    build: () => ({ url: '/api/technicians', body: { name: 'Mat Rix', email: `matrix.${createId()}@example.test` } }),
  },
  'POST /api/technicians/flags': {
    expect: 'ownScope',
    build: (v) => ({ url: '/api/technicians/flags', body: { jobIds: [v.myJobId] } }),
    verify: (body) => (body.includes('"flags":[{') ? `flags were given for another party's job: ${body}` : null),
  },
  'GET /api/technicians/:id': { expect: 'notFound', build: (v) => ({ url: `/api/technicians/${v.technicianId}` }) },
  'PATCH /api/technicians/:id': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/technicians/${v.technicianId}`, body: { name: 'Renamed' } }),
  },
  'DELETE /api/technicians/:id': { expect: 'notFound', build: (v) => ({ url: `/api/technicians/${v.technicianId}` }) },
  'POST /api/technicians/:id/accreditations': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/technicians/${v.technicianId}/accreditations`, body: { type: 'first_aid' } }),
  },
  'GET /api/accreditations/:id': { expect: 'notFound', build: (v) => ({ url: `/api/accreditations/${v.accreditationId}` }) },
  'PATCH /api/accreditations/:id': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/accreditations/${v.accreditationId}`, body: { number: 'X' } }),
  },
  'DELETE /api/accreditations/:id': { expect: 'notFound', build: (v) => ({ url: `/api/accreditations/${v.accreditationId}` }) },
  'GET /api/my-jobs': { expect: 'ownScope', build: () => ({ url: '/api/my-jobs?when=upcoming' }) },
  'GET /api/my-jobs/:id': { expect: 'notFound', build: (v) => ({ url: `/api/my-jobs/${v.myJobId}` }) },
  'GET /api/jobs/:id/technicians': { expect: 'notFound', build: (v) => ({ url: `/api/jobs/${v.myJobId}/technicians` }) },
  'PUT /api/jobs/:id/technicians': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/jobs/${v.myJobId}/technicians`, body: { technicianIds: [], confirmFlags: true } }),
  },
  ...jobCases,
  ...siteWorkCases,
  // The contractor's desk: the attacker's own jobs only; a bulk request over the victim's ids
  // refuses each as not found (naming nothing but the ids sent); technicians and staff get 403.
  'GET /api/desk/jobs': { expect: 'ownScope', build: () => ({ url: '/api/desk/jobs' }) },
  'POST /api/desk/jobs/technician-flags': {
    expect: 'ownScope',
    build: (v) => ({ url: '/api/desk/jobs/technician-flags', body: { selection: { ids: idsOf(v) } } }),
    verify: deskBulkTouchedNothing,
  },
  'POST /api/desk/jobs/bulk-edit': {
    expect: 'ownScope',
    build: (v) => ({
      url: '/api/desk/jobs/bulk-edit',
      body: { selection: { ids: idsOf(v) }, scheduledOn: '2027-01-04', confirmFlagged: true },
    }),
    verify: deskBulkTouchedNothing,
  },
  'POST /api/desk/jobs/bulk-accept': {
    expect: 'ownScope',
    build: (v) => ({ url: '/api/desk/jobs/bulk-accept', body: { selection: { ids: idsOf(v) }, targetOn: '2027-01-04' } }),
    verify: deskBulkTouchedNothing,
  },
  'POST /api/desk/jobs/bulk-reject': {
    expect: 'ownScope',
    build: (v) => ({ url: '/api/desk/jobs/bulk-reject', body: { selection: { ids: idsOf(v) }, reason: 'Not ours' } }),
    verify: deskBulkTouchedNothing,
  },
  'GET /api/invoices': { expect: 'ownScope', build: () => ({ url: '/api/invoices' }) },
  'GET /api/invoices/billable-milestones': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/invoices/billable-milestones?engagementId=${v.engagementId}` }),
  },
  'POST /api/invoices': {
    expect: 'notFound',
    build: (v) => ({
      url: '/api/invoices',
      body: {
        engagementId: v.engagementId,
        number: 'SNEAKY-1',
        issueOn: '2026-11-01',
        dueOn: '2026-11-30',
        currency: 'EUR',
        taxRateBp: 0,
        lines: [{ description: 'Sneaky', quantityMilli: 1000, unitAmountMinor: 100, amountMinor: 100, milestoneId: v.milestoneId }],
        subtotalMinor: 100,
        taxMinor: 0,
        totalMinor: 100,
        fileId: v.fileId,
      },
    }),
  },
  'GET /api/invoices/:id': { expect: 'notFound', build: (v) => ({ url: `/api/invoices/${v.invoiceId}` }) },
  'POST /api/invoices/:id/approve': { expect: 'notFound', build: (v) => ({ url: `/api/invoices/${v.invoiceId}/approve`, body: {} }) },
  'POST /api/invoices/:id/reject': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/invoices/${v.invoiceId}/reject`, body: { reason: 'Sneaky' } }),
  },
  'POST /api/invoices/:id/withdraw': { expect: 'notFound', build: (v) => ({ url: `/api/invoices/${v.invoiceId}/withdraw`, body: {} }) },
  'GET /api/contractor/profile': { expect: 'ownScope', build: () => ({ url: '/api/contractor/profile' }) },
  'PATCH /api/contractor/profile': {
    expect: 'ownScope',
    build: () => ({ url: '/api/contractor/profile', body: { legalName: 'Sneaky Ltd', address: 'Nowhere' } }),
  },
  'GET /api/contractors/:id/profile': { expect: 'notFound', build: (v) => ({ url: `/api/contractors/${v.contractorId}/profile` }) },
};

/** A desk request over the victim's ids: refused (403 for a technician or staff), or each id refused as not found. */
function deskBulkTouchedNothing(body: string): string | null {
  const parsed = JSON.parse(body) as { changed?: number; refused?: Array<{ reason: string }>; jobs?: number; status?: number };
  if (parsed.status === 403) return null;
  if (parsed.jobs !== undefined) return parsed.jobs === 0 ? null : `expected no job, got ${body}`;
  if (parsed.changed !== 0) return `expected nothing changed, got ${body}`;
  return parsed.refused?.every((r) => r.reason === 'not_found') ? null : `expected every job refused as not_found, got ${body}`;
}
