import { mkdirSync, mkdtempSync, existsSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { clearStorageTemp, createDiskStorage, storageTempDir } from './storage.ts';

describe('disk storage temporary files', () => {
  it('clears what interrupted uploads left behind, keeping stored files', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'portico-storage-'));
    const storage = createDiskStorage(root);
    const kept = await storage.put(Readable.from([Buffer.from('kept bytes')]));
    const tmp = storageTempDir(root);
    writeFileSync(path.join(tmp, 'interrupted-upload'), Buffer.alloc(2 * 1024 * 1024, 1));
    writeFileSync(path.join(tmp, 'another'), 'x');
    expect(await clearStorageTemp(root)).toEqual({ files: 2, bytes: 2 * 1024 * 1024 + 1 });
    expect(await readdir(tmp)).toEqual([]);
    expect(await storage.has(kept.sha256)).toBe(true);
  });

  it('leaves fresh temporary files alone when asked for old ones only, and copes with no temp directory', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'portico-storage-'));
    expect(await clearStorageTemp(root)).toEqual({ files: 0, bytes: 0 });
    const tmp = storageTempDir(root);
    mkdirSync(tmp, { recursive: true });
    const old = path.join(tmp, 'old');
    const fresh = path.join(tmp, 'fresh');
    writeFileSync(old, 'old');
    writeFileSync(fresh, 'fresh');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    expect((await clearStorageTemp(root, 3600_000)).files).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});
