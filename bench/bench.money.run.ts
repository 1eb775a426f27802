import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Row } from './run.ts';

/** Runs bench/bench.money.ts in its own process (its RSS is its own) and returns its rows; a failure is a row. */
export function benchMoney(): Promise<Row[]> {
  const root = path.resolve(import.meta.dirname, '..');
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/bench.money.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as Row[]);
      } catch {
        resolve([
          {
            measure: 'money (issue 9)',
            db: 'pglite',
            connections: null,
            rps: null,
            p50: null,
            p99: null,
            ratio: null,
            statementsPerRequest: null,
            note: `failed: exit ${code}`,
          },
        ]);
      }
    });
  });
}
