import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

/** The pid of a process that has exited (and so holds nothing). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the data directory lock', () => {
  it('takes over a lock whose process is gone, and says so', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portico-lock-'));
    const pid = deadPid();
    writeFileSync(path.join(dir, 'portico.lock'), String(pid));
    const lines: string[] = [];
    const release = acquireDataDirLock(dir, (line) => lines.push(line));
    expect(readFileSync(path.join(dir, 'portico.lock'), 'utf8')).toBe(String(process.pid));
    expect(lines).toEqual([expect.stringContaining(`taking over the lock of ${dir}: process ${pid} that held it is no longer running`)]);
    release();
    expect(existsSync(path.join(dir, 'portico.lock'))).toBe(false);
  });

  it('takes over an empty lock file (a crash between creating and writing it)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portico-lock-'));
    writeFileSync(path.join(dir, 'portico.lock'), '');
    const lines: string[] = [];
    acquireDataDirLock(dir, (line) => lines.push(line))();
    expect(lines).toHaveLength(1);
  });

  it('refuses a lock held by a live process', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portico-lock-'));
    writeFileSync(path.join(dir, 'portico.lock'), String(process.ppid));
    expect(() => acquireDataDirLock(dir, () => {})).toThrow(DataDirLockedError);
  });

  it('is released when the process exits without closing the database', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portico-lock-'));
    const script = `import { acquireDataDirLock } from ${JSON.stringify(path.join(import.meta.dirname, 'lock.ts'))}; acquireDataDirLock(process.argv[1]); process.exit(3);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.status, child.stderr).toBe(3);
    expect(existsSync(path.join(dir, 'portico.lock'))).toBe(false);
  });
});
