import { type Command, parseFlags } from './cli.args.ts';
import { describeTarget, readCliConfig, withDatabase } from './cli.database.ts';
import { applyMigrations, describeMigrations } from './cli.migrations.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply the database migrations',
  usage: `Usage: portico migrate

Applies the pending migrations in drizzle/ to the database the server uses
(DATABASE_URL, else the embedded database in DATA_DIR) and says which ones ran.
The server also migrates when it starts; with the embedded database, stop the
server first.`,
  async run(args) {
    parseFlags(args, {});
    const config = readCliConfig();
    await withDatabase(config, 'migrate', async (database) => {
      console.log(`Migrating ${describeTarget(config)}.`);
      console.log(describeMigrations(await applyMigrations(database)));
    });
  },
};
