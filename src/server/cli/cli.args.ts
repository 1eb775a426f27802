import { parseArgs } from 'node:util';

/** One `portico <name>` command: its usage text and what it does. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Runs the command; throws UsageError (exit 2) or CliFailure (exit 1). */
  run(args: string[]): Promise<void>;
}

/** Bad usage: a missing, unknown or invalid flag. The CLI prints it, then the usage; exit code 2. */
export class UsageError extends Error {}

/** The command could not do its job. The CLI prints the message; exit code 1. */
export class CliFailure extends Error {}

type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** node:util parseArgs, strict, with its errors turned into one line for a person. */
export function parseFlags<const O extends FlagSpec>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }));
  }
}

function describeParseError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return quoted.includes('<value>')
        ? `option ${quoted.replace(/ <value>$/, '')} needs a value`
        : `option ${quoted.split(' ')[0]} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}`;
    default:
      return error.message.split('. ')[0] ?? error.message;
  }
}

/** A flag that must be given, non-empty. */
export function requireFlag(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`missing --${flag}`);
  return value;
}

/** True when the arguments ask for the usage text. */
export function wantsHelp(args: string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}
