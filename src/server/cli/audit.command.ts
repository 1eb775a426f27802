import { verifyAuditChains } from '../modules/audit/audit.service.ts';
import { CliFailure, type Command, parseFlags, UsageError } from './cli.args.ts';
import { readCliConfig, requirePorticoTables, withDatabase } from './cli.database.ts';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'check that no audit event was changed or removed',
  usage: `Usage: portico audit verify

Recomputes every audit hash chain (one per organization, per contractor, and the
system chain) and reports "N chains, M events, OK", or, for each broken chain,
the first event whose link does not hold. Exits with 1 when a chain is broken.`,
  async run(args) {
    const { positionals } = parseFlags(args, {}, true);
    const [sub, ...extra] = positionals;
    if (sub === undefined) throw new UsageError('missing the audit command: portico audit verify');
    if (sub !== 'verify') throw new UsageError(`unknown audit command "${sub}"`);
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const config = readCliConfig();
    await withDatabase(config, 'audit verify', async (database) => {
      await requirePorticoTables(database);
      const report = await verifyAuditChains(database.db);
      const summary = `${report.chains} ${report.chains === 1 ? 'chain' : 'chains'}, ${report.events} ${report.events === 1 ? 'event' : 'events'}`;
      if (report.broken.length === 0) {
        console.log(`${summary}, OK`);
        return;
      }
      for (const broken of report.broken) console.log(`chain ${broken.chain}: first broken link at event #${broken.seq}: ${broken.reason}`);
      throw new CliFailure(`${summary}, ${report.broken.length} broken`);
    });
  },
};
