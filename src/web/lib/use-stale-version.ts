import { useState } from 'react';
import { isApiError } from './api.client.ts';

/** The server refused an edit because someone saved the record after it was read (412). */
export function isStaleVersion(error: unknown): boolean {
  return isApiError(error) && error.code === 'STALE_VERSION';
}

/** An edit that lost: the person's unsaved changes, and the record as it is now (reloaded). */
export interface StaleEdit<T, C> {
  changes: C;
  current: T;
}

export interface VersionedEditOptions<T extends { version: number }, C> {
  /** Sends the changes with If-Match for `version`. */
  save: (version: number, changes: C) => Promise<T>;
  /** Reads the record again (and puts it in the query cache, so the page shows it). */
  reload: () => Promise<T>;
}

/**
 * Saves with the version the person edited. When someone else saved first (412), reloads the
 * record and keeps the person's changes, so they can be shown and re-applied on the new version
 * ("reload and re-apply") or dropped. `save` resolves to null while such a conflict is open.
 */
export function useStaleVersion<T extends { version: number }, C>({ save, reload }: VersionedEditOptions<T, C>) {
  const [conflict, setConflict] = useState<StaleEdit<T, C> | null>(null);
  const [isReapplying, setReapplying] = useState(false);

  async function saveVersion(version: number, changes: C): Promise<T | null> {
    try {
      const saved = await save(version, changes);
      setConflict(null);
      return saved;
    } catch (error) {
      if (!isStaleVersion(error)) throw error;
      setConflict({ changes, current: await reload() });
      return null;
    }
  }

  /** Sends the same changes again, now against the version that was reloaded. */
  async function reapply(): Promise<T | null> {
    if (!conflict) return null;
    setReapplying(true);
    try {
      return await saveVersion(conflict.current.version, conflict.changes);
    } finally {
      setReapplying(false);
    }
  }

  return { save: saveVersion, conflict, reapply, isReapplying, dismiss: () => setConflict(null) };
}
