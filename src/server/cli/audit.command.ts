import type { Database } from '../db/client.ts';
import { verifyAuditChains } from '../modules/audit/audit.verify.ts';
import { CliFailure, type Command, parseFlags, UsageError } from './cli.args.ts';
import { readCliConfig, requirePorticoTables, withDatabase } from './cli.database.ts';

/**
 * Verifies every chain and prints each chain's head (sequence and hash) for the owner to write
 * down; throws a CliFailure naming the first broken link of each broken chain.
 */
export async function verifyAudit(database: Database, print: (line: string) => void): Promise<void> {
  const report = await verifyAuditChains(database.db, { recordMissingHeads: true });
  const summary = `${report.chains} ${report.chains === 1 ? 'chain' : 'chains'}, ${report.events} ${report.events === 1 ? 'event' : 'events'}`;
  print(report.broken.length === 0 ? `${summary}, OK` : summary);
  for (const head of report.heads) print(`head of ${head.chain}: #${head.seq} ${head.hash}`);
  if (report.headsRecorded > 0)
    print(
      `${report.headsRecorded} ${report.headsRecorded === 1 ? 'chain had' : 'chains had'} no head yet (written before heads were kept): recorded now`,
    );
  if (report.broken.length === 0) return;
  for (const broken of report.broken) print(`chain ${broken.chain}: first broken link at event #${broken.seq}: ${broken.reason}`);
  throw new CliFailure(`${summary}, ${report.broken.length} broken`);
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'check that no audit event was changed or removed',
  usage: `Usage: portico audit verify

Recomputes every audit hash chain (one per organization, per contractor, and the
system chain) and holds each against its head (the last sequence number and hash,
kept beside the events and moved with every event). Prints "N chains, M events, OK"
and each chain's head, to write down and compare later, or, for each broken
chain, the first event whose link does not hold, including events missing before
or past the head. Exits with 1 when a chain is broken.`,
  async run(args) {
    const { positionals } = parseFlags(args, {}, true);
    const [sub, ...extra] = positionals;
    if (sub === undefined) throw new UsageError('missing the audit command: portico audit verify');
    if (sub !== 'verify') throw new UsageError(`unknown audit command "${sub}"`);
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const config = readCliConfig();
    await withDatabase(config, 'audit verify', async (database) => {
      await requirePorticoTables(database);
      await verifyAudit(database, (line) => console.log(line));
    });
  },
};
