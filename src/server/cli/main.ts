import { AppError } from '../lib/errors.ts';
import { auditCommand } from './audit.command.ts';
import { backupCommand } from './backup.command.ts';
import { CliFailure, type Command, UsageError, wantsHelp } from './cli.args.ts';
import { createOrgCommand } from './create-org.command.ts';
import { inviteCommand } from './invite.command.ts';
import { migrateCommand } from './migrate.command.ts';
import { restoreCommand } from './restore.command.ts';
import { seedDemoCommand } from './seed-demo.command.ts';

const commands: Command[] = [migrateCommand, seedDemoCommand, createOrgCommand, inviteCommand, backupCommand, restoreCommand, auditCommand];

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

function describeAll(): string {
  const width = Math.max(...commands.map((c) => usageName(c).length));
  return `Usage: portico <command> [options]

Administers a Portico installation. Commands read the same settings as the
server (environment and ./.env): DATABASE_URL for PostgreSQL, else the embedded
database in DATA_DIR (default ./data), which only one process may open at a
time: stop the server before running a command against it.

Commands:
${commands.map((c) => `  ${usageName(c).padEnd(width)}  ${c.summary}`).join('\n')}

Run \`portico <command> --help\` for a command's options.
Exit codes: 0 done, 1 failed, 2 bad usage.`;
}

function usageName(command: Command): string {
  return command === auditCommand ? 'audit verify' : command.name;
}

/** Turns what went wrong into a message for a person; unexpected errors keep their stack with PORTICO_DEBUG=1. */
function describeError(error: unknown): string {
  if (error instanceof CliFailure || error instanceof AppError) return error.message;
  const err = error as NodeJS.ErrnoException & { errors?: Error[] };
  if (process.env.PORTICO_DEBUG === '1' && err?.stack) return err.stack;
  const message = err?.message || err?.errors?.map((e) => e.message).join('; ') || String(error);
  const code = err?.code && !message.includes(err.code) ? ` (${err.code})` : '';
  return `${message}${code}`;
}

/** Runs one command; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === undefined) {
      console.error(describeAll());
      return EXIT_USAGE;
    }
    const topic = name === 'help' ? commands.find((c) => c.name === args[0]) : undefined;
    console.log(topic ? topic.usage : describeAll());
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`portico: unknown command "${name}"\n\n${describeAll()}`);
    return EXIT_USAGE;
  }
  if (wantsHelp(args)) {
    console.log(command.usage);
    return EXIT_OK;
  }
  try {
    await command.run(args);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`portico ${name}: ${error.message}\n\n${command.usage}`);
      return EXIT_USAGE;
    }
    console.error(`portico ${name}: ${describeError(error)}`);
    return EXIT_FAILURE;
  }
}

// Exit explicitly: a database pool or the job queue must not keep a finished command alive.
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(EXIT_FAILURE);
  },
);
