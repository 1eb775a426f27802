import path from 'node:path';
import { hasDevMailbox } from '../config.ts';
import { describeDemo, isEmpty, seedDemo } from '../demo/demo.seed.ts';
import { CliFailure, type Command, parseFlags } from './cli.args.ts';
import { describeTarget, readCliConfig, withDatabase } from './cli.database.ts';
import { applyMigrations } from './cli.migrations.ts';
import { createDiskStorage } from '../lib/storage.ts';

export const seedDemoCommand: Command = {
  name: 'seed-demo',
  summary: 'load the demo dataset into an empty database',
  usage: `Usage: portico seed-demo

Loads the demo dataset (one company, two contractors, their people) into a
database that has no organization yet, applying migrations first. Refuses a
database that already has data. Prints the demo accounts to sign in with.`,
  async run(args) {
    parseFlags(args, {});
    const config = readCliConfig();
    await withDatabase(config, 'seed-demo', async (database) => {
      const migrations = await applyMigrations(database);
      if (migrations.applied.length > 0) console.log(`Applied migrations first: ${migrations.applied.join(', ')}.`);
      if (!(await isEmpty(database.db)))
        throw new CliFailure(
          `${describeTarget(config)} is not empty (it has an organization): the demo data only goes into an empty database.`,
        );
      await seedDemo(database.db, createDiskStorage(path.join(config.dataDir, 'files')));
      console.log(describeDemo(config.publicUrl, hasDevMailbox(config)));
    });
  },
};
