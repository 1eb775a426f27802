import { siteWorkSnapshot } from './access-matrix.site-work.ts';
import { eq, inArray, or } from 'drizzle-orm';
import {
  auditEvents,
  contractDocuments,
  contractorMembers,
  contractors,
  contractRevisions,
  contracts,
  emails,
  engagements,
  files,
  invitations,
  jobDocuments,
  jobs,
  jobTasks,
  jobTechnicians,
  jobTemplates,
  jobTemplateTasks,
  milestoneAttachments,
  milestoneSubmissions,
  milestones,
  notificationSettings,
  notifications,
  organizations,
  idempotencyKeys,
  internalNotes,
  messageAttachments,
  messageReads,
  messageThreads,
  messages,
  contractorProfiles,
  invoiceLines,
  invoices,
  paymentApprovalRules,
  paymentBatches,
  paymentNotes,
  payments,
  sessions,
  staffMembers,
  statusChanges,
  accreditationReminders,
  technicianAccreditations,
  technicians,
  liveEvents,
} from '../db/schema/index.ts';
import type { TestApp } from './test-app.ts';
import type { World } from './world.ts';

/** Everything of organization A and contractor X, as text: it must not change. */
export async function snapshot(t: TestApp, w: World): Promise<string> {
  const victimUsers = [w.aOwner, w.aAdmin, w.aManager, w.aFinance, w.aViewer, w.xAdmin, w.xOffice, w.xTech].map((p) => p.userId);
  const parts = await Promise.all([
    t.db.select().from(organizations).where(eq(organizations.id, w.orgA)),
    t.db.select().from(contractors).where(eq(contractors.id, w.contractorX)),
    t.db
      .select()
      .from(engagements)
      .where(or(eq(engagements.organizationId, w.orgA), eq(engagements.contractorId, w.contractorX))),
    t.db.select().from(staffMembers).where(eq(staffMembers.organizationId, w.orgA)),
    t.db.select().from(contractorMembers).where(eq(contractorMembers.contractorId, w.contractorX)),
    t.db.select().from(technicians).where(eq(technicians.contractorId, w.contractorX)),
    t.db
      .select()
      .from(invitations)
      .where(or(eq(invitations.organizationId, w.orgA), eq(invitations.contractorId, w.contractorX))),
    t.db
      .select()
      .from(auditEvents)
      .where(or(eq(auditEvents.organizationId, w.orgA), eq(auditEvents.contractorId, w.contractorX))),
    t.db
      .select()
      .from(files)
      .where(or(eq(files.organizationId, w.orgA), eq(files.contractorId, w.contractorX))),
    t.db.select().from(notifications).where(inArray(notifications.userId, victimUsers)),
    t.db
      .select({ id: notificationSettings.userId, channels: notificationSettings.channels, version: notificationSettings.version })
      .from(notificationSettings)
      .where(inArray(notificationSettings.userId, victimUsers)),
    t.db.select({ id: sessions.id, expiresAt: sessions.expiresAt }).from(sessions).where(inArray(sessions.userId, victimUsers)),
    t.db.select().from(contracts).where(eq(contracts.organizationId, w.orgA)),
    t.db.select().from(contractRevisions).where(eq(contractRevisions.organizationId, w.orgA)),
    t.db.select().from(contractDocuments).where(eq(contractDocuments.organizationId, w.orgA)),
    t.db.select().from(milestones).where(eq(milestones.organizationId, w.orgA)),
    t.db.select().from(milestoneAttachments).where(eq(milestoneAttachments.organizationId, w.orgA)),
    t.db.select().from(milestoneSubmissions).where(eq(milestoneSubmissions.organizationId, w.orgA)),
    t.db.select().from(payments).where(eq(payments.organizationId, w.orgA)),
    t.db.select().from(invoices).where(eq(invoices.organizationId, w.orgA)),
    t.db.select().from(invoiceLines).where(eq(invoiceLines.organizationId, w.orgA)),
    t.db
      .select({ id: contractorProfiles.contractorId, legalName: contractorProfiles.legalName, version: contractorProfiles.version })
      .from(contractorProfiles)
      .where(eq(contractorProfiles.contractorId, w.contractorX)),
    t.db.select().from(paymentBatches).where(eq(paymentBatches.organizationId, w.orgA)),
    t.db.select().from(paymentNotes).where(eq(paymentNotes.organizationId, w.orgA)),
    t.db
      .select({ id: paymentApprovalRules.organizationId, enabled: paymentApprovalRules.enabled, version: paymentApprovalRules.version })
      .from(paymentApprovalRules)
      .where(eq(paymentApprovalRules.organizationId, w.orgA)),
    t.db
      .select({ id: idempotencyKeys.key, statusCode: idempotencyKeys.statusCode })
      .from(idempotencyKeys)
      .where(inArray(idempotencyKeys.userId, victimUsers)),
    t.db.select().from(statusChanges).where(eq(statusChanges.organizationId, w.orgA)),
    t.db.select().from(emails).where(eq(emails.organizationId, w.orgA)),
    t.db
      .select()
      .from(jobs)
      .where(or(eq(jobs.organizationId, w.orgA), eq(jobs.contractorId, w.contractorX))),
    t.db.select().from(jobTasks).where(eq(jobTasks.organizationId, w.orgA)),
    t.db.select().from(jobDocuments).where(eq(jobDocuments.organizationId, w.orgA)),
    t.db.select().from(jobTechnicians).where(eq(jobTechnicians.organizationId, w.orgA)),
    t.db.select().from(jobTemplates).where(eq(jobTemplates.organizationId, w.orgA)),
    t.db.select().from(jobTemplateTasks).where(eq(jobTemplateTasks.organizationId, w.orgA)),
    t.db.select().from(technicianAccreditations).where(eq(technicianAccreditations.contractorId, w.contractorX)),
    t.db.select().from(accreditationReminders).where(eq(accreditationReminders.contractorId, w.contractorX)),
    t.db.select().from(messageThreads).where(eq(messageThreads.organizationId, w.orgA)),
    t.db.select().from(messages).where(eq(messages.organizationId, w.orgA)),
    t.db
      .select({ id: messageAttachments.messageId, fileId: messageAttachments.fileId })
      .from(messageAttachments)
      .where(eq(messageAttachments.organizationId, w.orgA)),
    t.db.select().from(internalNotes).where(eq(internalNotes.organizationId, w.orgA)),
    t.db
      .select({ id: messageReads.threadId, userId: messageReads.userId, lastReadAt: messageReads.lastReadAt })
      .from(messageReads)
      .where(eq(messageReads.threadId, w.engagementAX)),
    t.db
      .select()
      .from(liveEvents)
      .where(
        or(eq(liveEvents.organizationId, w.orgA), eq(liveEvents.contractorId, w.contractorX), inArray(liveEvents.userId, victimUsers)),
      ),
    ...siteWorkSnapshot(t, w),
  ]);
  return JSON.stringify(parts.map((rows) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)))));
}
