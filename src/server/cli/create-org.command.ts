import { findPasswordProblem } from '../../shared/domain/password.rules.ts';
import { businessNameSchema, emailSchema, personNameSchema } from '../../shared/schemas/common.schema.ts';
import { timeZoneSchema } from '../../shared/schemas/organization.schema.ts';
import { runInTransaction } from '../db/transaction.ts';
import { hashPassword } from '../modules/auth/auth.better.ts';
import { createUser } from '../modules/auth/auth.service.ts';
import { createOrganizationWithOwner } from '../modules/organizations/organizations.service.ts';
import { type Command, parseFlags, requireFlag, UsageError } from './cli.args.ts';
import { readCliConfig, withDatabase } from './cli.database.ts';
import { applyMigrations } from './cli.migrations.ts';
import { checkFlag } from './cli.values.ts';

export const createOrgCommand: Command = {
  name: 'create-org',
  summary: 'create an organization and its owner',
  usage: `Usage: portico create-org --name NAME --owner-email EMAIL --owner-name PERSON [--time-zone ZONE] [--password PASSWORD]

Creates a person and an organization with that person as its owner (applying
migrations first). With --password the owner signs in with it (at least 12
characters, not a common one; note that it stays in your shell history).
Without it, the owner signs in with an emailed link.

  --name NAME            the organization's name
  --owner-email EMAIL    the owner's email address (must not have an account yet)
  --owner-name PERSON    the owner's full name
  --time-zone ZONE       the organization's IANA time zone, e.g. Europe/London
                         (its calendar for due dates and reminders; default UTC,
                         editable later in Settings)
  --password PASSWORD    optional: the owner's password`,
  async run(args) {
    const { values } = parseFlags(args, {
      name: { type: 'string' },
      'owner-email': { type: 'string' },
      'owner-name': { type: 'string' },
      password: { type: 'string' },
      'time-zone': { type: 'string' },
    });
    const name = checkFlag(businessNameSchema, requireFlag(values.name, 'name'), 'name');
    const email = checkFlag(emailSchema, requireFlag(values['owner-email'], 'owner-email'), 'owner-email');
    const ownerName = checkFlag(personNameSchema, requireFlag(values['owner-name'], 'owner-name'), 'owner-name');
    const timeZone = checkFlag(timeZoneSchema, values['time-zone'] ?? 'UTC', 'time-zone');
    const password = values.password;
    if (password !== undefined) {
      const problem = findPasswordProblem(password, email);
      if (problem) throw new UsageError(`--password: ${problem}`);
    }
    const config = readCliConfig();
    const passwordHash = password === undefined ? null : await hashPassword(password);
    await withDatabase(config, 'create-org', async (database) => {
      const migrations = await applyMigrations(database);
      if (migrations.applied.length > 0) console.log(`Applied migrations first: ${migrations.applied.join(', ')}.`);
      const organizationId = await runInTransaction(database.db, async (tx) => {
        const ownerUserId = await createUser(tx, { name: ownerName, email, passwordHash });
        return createOrganizationWithOwner(tx, { name, ownerUserId, timeZone });
      });
      console.log(
        `Created the organization "${name}" (id ${organizationId}) in the time zone ${timeZone} with ${ownerName} <${email}> as its owner.`,
      );
      if (passwordHash) {
        console.log(`${ownerName} signs in at ${config.publicUrl} with this email address and the password you chose.`);
      } else {
        const mailbox = config.SMTP_URL
          ? 'the link arrives by email'
          : config.NODE_ENV === 'production'
            ? 'set SMTP_URL so that the link can be emailed'
            : `without SMTP_URL the link lands in the dev mailbox at ${config.publicUrl}/dev/mailbox`;
        console.log(
          `${ownerName} signs in with a magic link: open ${config.publicUrl}, enter ${email} and choose "Email me a sign-in link" (${mailbox}).`,
        );
      }
    });
  },
};
