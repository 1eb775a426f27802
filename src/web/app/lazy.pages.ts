import { lazyRouteComponent } from '@tanstack/react-router';
import { UserPlus } from 'lucide-react';
import { createElement, Fragment } from 'react';
import { DialogLauncher, type LazyDialog, lazyDialog } from '../components/ui/dialog.launcher.tsx';

/**
 * Every page and page part the routes render, loaded on demand: each becomes its own chunk,
 * fetched when its route is entered (or hovered, with intent preloading), so the sign-in page
 * does not download the company app. Names match the feature exports they stand for. The sign-in
 * page is the one exception: it is part of the entry (main.tsx), so it is imported directly.
 */
export const MagicLinkPage = lazyRouteComponent(() => import('../features/auth/components/magic-link.page.tsx'), 'MagicLinkPage');
export const ForgotPasswordPage = lazyRouteComponent(
  () => import('../features/auth/components/forgot-password.page.tsx'),
  'ForgotPasswordPage',
);
export const ResetPasswordPage = lazyRouteComponent(
  () => import('../features/auth/components/reset-password.page.tsx'),
  'ResetPasswordPage',
);
export const AcceptInvitationPage = lazyRouteComponent(
  () => import('../features/invitations/components/accept-invitation.page.tsx'),
  'AcceptInvitationPage',
);
export const MailboxPage = lazyRouteComponent(() => import('../features/dev-mailbox/components/mailbox.page.tsx'), 'MailboxPage');
export const SignOutButton = lazyRouteComponent(() => import('../features/session/components/sign-out.button.tsx'), 'SignOutButton');

export const Shell = lazyRouteComponent(() => import('./shell.layout.tsx'), 'Shell');

export const ActivityPage = lazyRouteComponent(() => import('../features/activity/components/activity.page.tsx'), 'ActivityPage');
const contracts = () => import('../features/contracts/components/contracts.page.tsx');
export const ContractsPage = lazyRouteComponent(contracts, 'ContractsPage');
export const EngagementContracts = lazyRouteComponent(contracts, 'EngagementContracts');
export const ContractDetailPage = lazyRouteComponent(
  () => import('../features/contracts/components/contract-detail.page.tsx'),
  'ContractDetailPage',
);
export const EditContractPage = lazyRouteComponent(
  () => import('../features/contracts/components/edit-contract.page.tsx'),
  'EditContractPage',
);
export const NewContractPage = lazyRouteComponent(
  () => import('../features/contracts/components/new-contract.page.tsx'),
  'NewContractPage',
);
export const ContractorsPage = lazyRouteComponent(
  () => import('../features/engagements/components/contractors.page.tsx'),
  'ContractorsPage',
);
export const OrganizationsPage = lazyRouteComponent(
  () => import('../features/engagements/components/organizations.page.tsx'),
  'OrganizationsPage',
);
export const EngagementDetailPage = lazyRouteComponent(
  () => import('../features/engagements/components/engagement-detail.page.tsx'),
  'EngagementDetailPage',
);
export const InvitationsPage = lazyRouteComponent(
  () => import('../features/invitations/components/invitations.page.tsx'),
  'InvitationsPage',
);
export const InvitationList = lazyRouteComponent(() => import('../features/invitations/components/invitation.list.tsx'), 'InvitationList');
// Dialogs: a button on the page; the dialog's code loads when it is wanted (dialog.launcher.tsx).
const inviteContractor = lazyDialog(() =>
  import('../features/invitations/components/invite-contractor.dialog.tsx').then((m) => m.InviteContractorDialog),
);
const inviteStaff = lazyDialog(() => import('../features/invitations/components/invite-staff.dialog.tsx').then((m) => m.InviteStaffDialog));
const inviteMember = lazyDialog(() =>
  import('../features/invitations/components/invite-member.dialog.tsx').then((m) => m.InviteMemberDialog),
);
function inviteButton(dialog: LazyDialog<object>, text: string) {
  const label = createElement(Fragment, null, createElement(UserPlus, { 'aria-hidden': true, className: 'size-4' }), text);
  return createElement(DialogLauncher<object>, { dialog, dialogProps: {}, label });
}

export function InviteContractorDialog() {
  return inviteButton(inviteContractor, 'Invite contractor');
}
export function InviteStaffDialog() {
  return inviteButton(inviteStaff, 'Invite staff');
}
export function InviteMemberDialog() {
  return inviteButton(inviteMember, 'Invite office member');
}

export const ContractMilestonesSection = lazyRouteComponent(
  () => import('../features/milestones/components/contract-milestones.section.tsx'),
  'ContractMilestonesSection',
);
export const MilestoneDetailPage = lazyRouteComponent(
  () => import('../features/milestones/components/milestone-detail.page.tsx'),
  'MilestoneDetailPage',
);
export const MilestonesPage = lazyRouteComponent(() => import('../features/milestones/components/milestones.page.tsx'), 'MilestonesPage');
export const DeliverPage = lazyRouteComponent(() => import('../features/milestones/components/deliver.page.tsx'), 'DeliverPage');
export const NotificationsPage = lazyRouteComponent(
  () => import('../features/notifications/components/notifications.page.tsx'),
  'NotificationsPage',
);
export const NotificationSettingsPage = lazyRouteComponent(
  () => import('../features/notifications/components/notification-settings.page.tsx'),
  'NotificationSettingsPage',
);
const payContractors = () => import('../features/payments/components/pay-contractors.page.tsx');
export const PayContractorsPage = lazyRouteComponent(payContractors, 'PayContractorsPage');
export const PaymentDetailPage = lazyRouteComponent(
  () => import('../features/payments/components/payment-detail.page.tsx'),
  'PaymentDetailPage',
);
export const ContractorPaymentsPage = lazyRouteComponent(
  () => import('../features/payments/components/contractor-payments.page.tsx'),
  'ContractorPaymentsPage',
);
export const FourEyesSection = lazyRouteComponent(() => import('../features/payments/components/four-eyes.section.tsx'), 'FourEyesSection');
export const OrganizationSettingsPage = lazyRouteComponent(
  () => import('../features/organization/components/organization-settings.page.tsx'),
  'OrganizationSettingsPage',
);
export const StaffPage = lazyRouteComponent(() => import('../features/organization/components/staff.page.tsx'), 'StaffPage');
export const SecurityPage = lazyRouteComponent(() => import('../features/security/components/security.page.tsx'), 'SecurityPage');
export const ContractorTeamPage = lazyRouteComponent(
  () => import('../features/contractor-team/components/team.page.tsx'),
  'ContractorTeamPage',
);
export const JobDetailPage = lazyRouteComponent(() => import('../features/jobs/components/job-detail.page.tsx'), 'JobDetailPage');
export const CompanyJobsPage = lazyRouteComponent(() => import('../features/jobs/components/company-jobs.page.tsx'), 'CompanyJobsPage');
export const CreateJobPage = lazyRouteComponent(() => import('../features/jobs/components/create-job.page.tsx'), 'CreateJobPage');
export const ImportJobsPage = lazyRouteComponent(() => import('../features/jobs/components/import-jobs.page.tsx'), 'ImportJobsPage');
export const TemplatesPage = lazyRouteComponent(() => import('../features/job-templates/components/templates.page.tsx'), 'TemplatesPage');
export const TemplateEditorPage = lazyRouteComponent(
  () => import('../features/job-templates/components/template-editor.page.tsx'),
  'TemplateEditorPage',
);
export const MyJobsPage = lazyRouteComponent(() => import('../features/tech-view/components/my-jobs.page.tsx'), 'MyJobsPage');
const techJob = () => import('./tech-job.parts.ts');
export const MyJobPage = lazyRouteComponent(techJob, 'MyJobPage');
export const TechSiteWork = lazyRouteComponent(techJob, 'TechSiteWork');
export const DeferredJobMessages = lazyRouteComponent(techJob, 'DeferredJobMessages');
/** The tech view's offline queue, service worker and connection banner: only the tech shell loads it. */
export const TechOffline = lazyRouteComponent(() => import('../features/site-work/offline/tech-offline.tsx'), 'TechOffline');
/** The site work on the desk's and the company's job page: the same tasks, photos, signatures and report, sent at once. */
export const DeskSiteWork = lazyRouteComponent(() => import('../features/site-work/components/desk-site-work.tsx'), 'DeskSiteWork');
export const PreferencesPage = lazyRouteComponent(() => import('../features/site-work/components/preferences.page.tsx'), 'PreferencesPage');
export const TechnicianDetailPage = lazyRouteComponent(
  () => import('../features/technicians/components/technician-detail.page.tsx'),
  'TechnicianDetailPage',
);
export const TechniciansSection = lazyRouteComponent(
  () => import('../features/technicians/components/technicians.section.tsx'),
  'TechniciansSection',
);
/** A job's technicians with "Assign technicians" (picker with flags): for the contractor's job page. */
export const JobTechniciansSection = lazyRouteComponent(
  () => import('../features/technicians/components/job-technicians.section.tsx'),
  'JobTechniciansSection',
);
export const AddTechnicianDialog = lazyRouteComponent(
  () => import('../features/technicians/components/add-technician.dialog.tsx'),
  'AddTechnicianDialog',
);
export const DeskPage = lazyRouteComponent(() => import('../features/job-desk/components/desk.page.tsx'), 'DeskPage');

interface Preloadable {
  preload?: () => Promise<void> | undefined;
}

export const CompanyHomePage = lazyRouteComponent(() => import('../features/home/components/company-home.page.tsx'), 'CompanyHomePage');
export const ContractorHomePage = lazyRouteComponent(
  () => import('../features/home/components/contractor-home.page.tsx'),
  'ContractorHomePage',
);
export const MoneyPage = lazyRouteComponent(() => import('../features/money/components/money.page.tsx'), 'MoneyPage');
export const DeliveriesPage = lazyRouteComponent(() => import('../features/deliveries/components/deliveries.page.tsx'), 'DeliveriesPage');
export const ContractorMilestonesSection = lazyRouteComponent(
  () => import('../features/milestones/components/contractor-milestones.section.tsx'),
  'ContractorMilestonesSection',
);

const invoices = () => import('../features/invoices/components/invoices.page.tsx');
export const InvoicesPage = lazyRouteComponent(invoices, 'InvoicesPage');
export const InvoiceDetailPage = lazyRouteComponent(
  () => import('../features/invoices/components/invoice-detail.page.tsx'),
  'InvoiceDetailPage',
);
export const NewInvoicePage = lazyRouteComponent(() => import('../features/invoices/components/new-invoice.page.tsx'), 'NewInvoicePage');
export const BusinessDetailsPage = lazyRouteComponent(
  () => import('../features/invoices/components/business-details.page.tsx'),
  'BusinessDetailsPage',
);

/**
 * A route component that renders lazy pages: the router fetches their chunks before it shows the
 * route (and on hover), instead of suspending once it renders.
 */
export function withPages<C extends object>(component: C, ...pages: Preloadable[]): C & { preload: () => Promise<void> } {
  return Object.assign(component, {
    preload: async () => {
      await Promise.all(pages.map((page) => page.preload?.()));
    },
  });
}

export const ThreadsPage = lazyRouteComponent(() => import('../features/messages/components/threads.page.tsx'), 'ThreadsPage');
export const ThreadPage = lazyRouteComponent(() => import('../features/messages/components/thread.page.tsx'), 'ThreadPage');
