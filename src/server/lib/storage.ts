import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredObject {
  sha256: string;
  size: number;
  /** The first bytes, for detecting the type from the content. */
  head: Buffer;
}

/** Where file bytes live. Content-addressed: the key is the SHA-256 of the bytes. */
export class ObjectTooLargeError extends Error {}

export interface Storage {
  /**
   * Stores the bytes; more than maxBytes fails with ObjectTooLargeError and leaves nothing behind.
   * `check` sees the first bytes once all arrived and before they are kept: if it throws, nothing is kept.
   */
  put(stream: Readable, options?: { maxBytes?: number; check?: (head: Buffer) => Promise<void> }): Promise<StoredObject>;
  read(sha256: string): Readable;
  has(sha256: string): Promise<boolean>;
}

const HEAD_BYTES = 4100;

/** Where uploads are written before they are complete. */
export function storageTempDir(root: string): string {
  return path.join(root, 'tmp');
}

/**
 * Deletes temporary files an interrupted upload left behind (a crash or kill mid-upload),
 * those last written more than olderThanMs ago (0: all of them, whatever their times say);
 * returns how many and how many bytes.
 */
export async function clearStorageTemp(root: string, olderThanMs = 0): Promise<{ files: number; bytes: number }> {
  const dir = storageTempDir(root);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const cutoff = Date.now() - olderThanMs;
  let files = 0;
  let bytes = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    // With 0 no time is compared: a file written this millisecond has an mtime with a fraction
    // above Date.now(), which counts whole milliseconds.
    if (!info?.isFile() || (olderThanMs > 0 && info.mtimeMs > cutoff)) continue;
    await rm(file, { force: true });
    files += 1;
    bytes += info.size;
  }
  return { files, bytes };
}

/** Local disk: written to a temporary file, fsynced, then renamed into place. */
export function createDiskStorage(root: string): Storage {
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async put(stream, options = {}) {
      const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
      const tmpDir = storageTempDir(root);
      await mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      const chunks: Buffer[] = [];
      let headLength = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          size += chunk.length;
          if (size > maxBytes) {
            callback(new ObjectTooLargeError(`larger than ${maxBytes} bytes`));
            return;
          }
          if (headLength < HEAD_BYTES) {
            chunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
            headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
          }
          callback(null, chunk);
        },
      });
      try {
        await pipeline(stream, tap, createWriteStream(tmp));
        const handle = await open(tmp, 'r');
        await handle.sync();
        await handle.close();
        const head = Buffer.concat(chunks);
        if (options.check) await options.check(head);
        const sha256 = hash.digest('hex');
        const final = pathOf(sha256);
        await mkdir(path.dirname(final), { recursive: true });
        await rename(tmp, final);
        const dir = await open(path.dirname(final), 'r');
        await dir.sync().catch(() => {});
        await dir.close();
        return { sha256, size, head };
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },
    read(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad object key');
      return createReadStream(pathOf(sha256));
    },
    async has(sha256) {
      return stat(pathOf(sha256)).then(
        () => true,
        () => false,
      );
    },
  };
}
