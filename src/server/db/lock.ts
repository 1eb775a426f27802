import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

/**
 * Takes the lock file beside PGlite's data. Two processes on one PGlite directory corrupt it
 * silently, so a second process is refused with the holder's pid. A lock left by a process
 * that is gone (kill -9, a power cut) is taken over, saying so through `log`. The lock is
 * also released when the process exits without closing the database (process.exit after a
 * failed start or a forced shutdown).
 */
export function acquireDataDirLock(dataDir: string, log: (line: string) => void = (line) => console.warn(line)): () => void {
  const lockPath = path.join(dataDir, 'portico.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const onExit = () => releaseLock(lockPath);
      process.once('exit', onExit);
      let released = false;
      // Once only: a second call must not remove a lock another process has taken since.
      return () => {
        if (released) return;
        released = true;
        process.removeListener('exit', onExit);
        releaseLock(lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const content = readLock(lockPath);
      if (content === undefined) continue;
      const holder = Number.parseInt(content, 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(
          `The data directory ${dataDir} is in use by process ${holder}. Stop that process first, or set DATA_DIR to another directory.`,
        );
      }
      // This process's own lock (a restore opening the database it has just locked) is taken back silently.
      if (holder !== process.pid)
        log(
          `portico: taking over the lock of ${dataDir}: ${Number.isInteger(holder) ? `process ${holder}` : 'the process'} that held it is no longer running (it did not shut down cleanly)`,
        );
      try {
        unlinkSync(lockPath);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  throw new DataDirLockedError(`Could not lock ${lockPath}.`);
}

/** The lock's content, or undefined when it vanished meanwhile. */
function readLock(lockPath: string): string | undefined {
  try {
    return readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(lockPath: string): void {
  try {
    if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
  } catch {
    // already gone
  }
}
