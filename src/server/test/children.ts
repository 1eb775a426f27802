import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Child processes and temporary directories a test starts, tracked so that `afterEach` can
 * end and remove them all (`cleanUpChildren()`), whether the test passed, failed or timed out.
 * Each child runs in its own process group, and the whole group is killed: nothing a child
 * started outlives the test.
 */

export interface Child {
  process: ChildProcess;
  pid: number;
  /** What the child printed so far, stdout and stderr interleaved. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

export interface ChildOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let exitHookInstalled = false;

/** Starts a child in its own process group and tracks it until it exits. */
export function spawnChild(command: string, args: string[], options: ChildOptions): Child {
  installExitHook();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  running.add(child);
  let output = '';
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk;
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { process: child, pid: child.pid, output: () => output, stdout: () => stdout, stderr: () => stderr, exited };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a child to its end and returns what it printed. The limit is generous (default
 * 240 s: starting TypeScript through tsx on a loaded machine is slow); past it the process
 * group is killed and the run fails with the output so far.
 */
export async function runChild(command: string, args: string[], options: ChildOptions & { timeoutMs?: number }): Promise<RunResult> {
  const child = spawnChild(command, args, options);
  const timeoutMs = options.timeoutMs ?? 240_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([child.exited, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    killGroup(child.process, 'SIGKILL');
    await child.exited;
    throw new Error(`${[command, ...args].join(' ')} did not finish within ${timeoutMs} ms. Its output:\n${child.output()}`);
  }
  return { code: outcome, stdout: child.stdout(), stderr: child.stderr() };
}

/** A fresh temporary directory, removed by `cleanUpChildren()`. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Kills every tracked child's process group, waits for each to exit, then removes the temporary directories. */
export async function cleanUpChildren(): Promise<void> {
  const children = [...running];
  const exits = children.map(
    (child) =>
      new Promise<void>((resolve) =>
        child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('close', () => resolve()),
      ),
  );
  for (const child of children) killGroup(child, 'SIGKILL');
  await Promise.all(exits);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/** Should the test worker itself end abruptly, its children go with it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
}
