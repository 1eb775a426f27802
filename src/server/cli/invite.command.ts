import { and, asc, eq, or } from 'drizzle-orm';
import { staffRoles } from '../../shared/domain/roles.ts';
import { idSchema } from '../../shared/schemas/common.schema.ts';
import { inviteContractorSchema, inviteStaffSchema } from '../../shared/schemas/invitation.schema.ts';
import type { RequestContext } from '../access/actor.ts';
import { loadMemberships } from '../access/memberships.ts';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import { organizations, staffMembers, users } from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import { createLogger } from '../lib/logger.ts';
import { startQueue } from '../lib/queue.ts';
import { INVITATION_DAYS, inviteContractor, inviteStaff } from '../modules/invitations/invitations.service.ts';
import { connectOutbox, listMailbox } from '../modules/notifications/notifications.service.ts';
import { CliFailure, type Command, parseFlags, requireFlag, UsageError } from './cli.args.ts';
import { readCliConfig, requirePorticoTables, withDatabase } from './cli.database.ts';
import { checkFlags } from './cli.values.ts';

const flagOf = { businessName: 'business', name: 'name', email: 'email', role: 'role' };

const invitableRoles = staffRoles.filter((r) => r !== 'owner');

export const inviteCommand: Command = {
  name: 'invite',
  summary: 'invite a contractor or a staff member to an organization',
  usage: `Usage: portico invite --org ORG --email EMAIL --name PERSON (--business BUSINESS | --role ROLE)

Invites someone to an organization, on behalf of its owner, exactly as the app
does: with --business, a contractor business and its administrator; with
--role, a staff member (${invitableRoles.join(', ')}). Prints the invitation
link. The invitation email is queued; the server's background worker sends it
while the server runs (by SMTP, or into the dev mailbox without SMTP_URL).

  --org ORG             the organization's id, or its exact name
  --email EMAIL         the invitee's email address
  --name PERSON         the invitee's full name
  --business BUSINESS   invite a contractor: the name of their business
  --role ROLE           invite a staff member with this role`,
  async run(args) {
    const { values } = parseFlags(args, {
      org: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      business: { type: 'string' },
      role: { type: 'string' },
    });
    const org = requireFlag(values.org, 'org').trim();
    const email = requireFlag(values.email, 'email');
    const name = requireFlag(values.name, 'name');
    if ((values.business === undefined) === (values.role === undefined))
      throw new UsageError('give exactly one of --business (a contractor) or --role (a staff member)');
    const contractorInput =
      values.business === undefined ? null : checkFlags(inviteContractorSchema, { businessName: values.business, name, email }, flagOf);
    const staffInput =
      values.role === undefined
        ? null
        : (invitableRoles as readonly string[]).includes(values.role)
          ? checkFlags(inviteStaffSchema, { name, email, role: values.role }, flagOf)
          : usage(`--role must be one of ${invitableRoles.join(', ')}`);
    const config = readCliConfig();
    await withDatabase(config, 'invite', async (database) => {
      await requirePorticoTables(database);
      const ctx = await actAsOwner(database.db, org);
      const invitation = await withOutbox(database, () =>
        contractorInput
          ? inviteContractor(database.db, ctx, config.publicUrl, contractorInput)
          : inviteStaff(database.db, ctx, config.publicUrl, staffInput!),
      );
      const link = await findInvitationLink(database.db, invitation.email, config);
      const what = contractorInput ? `as the administrator of the contractor "${contractorInput.businessName}"` : `as ${invitation.role}`;
      console.log(`Invited ${invitation.name} <${invitation.email}> ${what} (invitation ${invitation.id}).`);
      console.log(`Invitation link (valid for ${INVITATION_DAYS} days, until ${invitation.expiresAt}):\n  ${link}`);
      console.log(describeDelivery(config));
    });
  },
};

function usage(message: string): never {
  throw new UsageError(message);
}

/** The request context of the organization's owner, as if they had signed in: actor kind staff, role owner. */
async function actAsOwner(db: Db, ref: string): Promise<RequestContext> {
  const byId = idSchema.safeParse(ref).success;
  const found = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(byId ? or(eq(organizations.id, ref), eq(organizations.name, ref)) : eq(organizations.name, ref));
  if (found.length === 0) throw new CliFailure(`No organization has the id or the exact name "${ref}".`);
  if (found.length > 1)
    throw new CliFailure(`Several organizations are named "${ref}": pass the id instead (${found.map((o) => o.id).join(', ')}).`);
  const organization = found[0]!;
  const [owner] = await db
    .select({ id: users.id, name: users.name, email: users.email, twoFactorEnabled: users.twoFactorEnabled })
    .from(staffMembers)
    .innerJoin(users, eq(users.id, staffMembers.userId))
    .where(and(eq(staffMembers.organizationId, organization.id), eq(staffMembers.role, 'owner')))
    .orderBy(asc(staffMembers.createdAt))
    .limit(1);
  if (!owner) throw new CliFailure(`The organization "${organization.name}" has no owner to invite on behalf of.`);
  const membership = (await loadMemberships(db, owner.id)).find(
    (m) => m.actor.kind === 'staff' && m.actor.organizationId === organization.id,
  );
  if (!membership) throw new CliFailure(`The owner of "${organization.name}" has no membership in it.`);
  return {
    actor: membership.actor,
    user: { id: owner.id, name: owner.name, email: owner.email, twoFactorEnabled: owner.twoFactorEnabled },
    sessionId: 'cli',
    requestId: createId(),
    ip: 'cli',
  };
}

/**
 * Connects the email outbox to the job queue while fn runs, so the queued invitation email
 * also gets its delivery job: the server's worker picks that job up and sends the email.
 */
async function withOutbox<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  const queue = await startQueue(database.raw, createLogger('warn'));
  connectOutbox(queue);
  try {
    return await fn();
  } finally {
    connectOutbox(null);
    await queue.stop();
  }
}

/** The link is only in the queued email (the token is stored hashed): read it back from the outbox. */
async function findInvitationLink(db: Db, email: string, config: Config): Promise<string> {
  const [newest] = await listMailbox(db, email);
  const pattern = new RegExp(`${escapeRegExp(config.publicUrl)}/invite\\?token=[^\\s"'<>]+`);
  const link = newest ? pattern.exec(newest.text)?.[0] : undefined;
  if (!link) throw new CliFailure(`The invitation was created, but its link was not found in the email queued for ${email}.`);
  return link;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function describeDelivery(config: Config): string {
  const how = config.SMTP_URL
    ? 'by SMTP'
    : config.NODE_ENV === 'production'
      ? 'once SMTP_URL is set'
      : `into the dev mailbox at ${config.publicUrl}/dev/mailbox`;
  return `The invitation email is queued: the server's background worker sends it ${how} when the server runs. You can also pass the link on yourself.`;
}
