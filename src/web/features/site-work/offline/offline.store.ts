import type { LocalEffect } from '../api/site-work.effects.ts';
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';

/** A JSON request to the API, its path already filled in (built by the typed helpers in site-work.changes.ts). */
export interface QueuedRequest {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
}

/** A photo taken while offline: the scaled JPEG itself, uploaded first, then attached by a JSON request naming the file. */
export interface QueuedPhoto {
  blob: Blob;
  name: string;
  engagementId: string | null;
  /** Set once the upload went through, so a retry attaches the same file instead of uploading again. */
  uploadedFileId: string | null;
}

/**
 * One change made in the tech view, kept on the device until the server has it. Its id is
 * also its Idempotency-Key: replaying it (a retry, a second tab, a reload mid-send) applies it once.
 */
export interface QueuedChange {
  id: string;
  /** The order changes were made in; they are sent in this order. */
  seq: number;
  /** Whose change: a change is sent only with its own person's session. */
  userId: string;
  jobId: string;
  /** What it is, in words, for the banner ("Answer: Check the pressure"). */
  label: string;
  request: QueuedRequest;
  /** With a photo, `request.body[photoField]` gets the uploaded file's id. */
  photo?: QueuedPhoto & { field: string };
  /** What the change does to the job on screen while it waits. */
  local?: LocalEffect;
  status: 'waiting' | 'refused';
  /** Why the server refused it (shown until the person dismisses it). */
  reason?: string;
  createdAt: string;
}

let store: UseStore | null = null;
function changesStore(): UseStore {
  store ??= createStore('portico-tech', 'changes');
  return store;
}

export async function saveChange(change: QueuedChange): Promise<void> {
  await set(change.id, change, changesStore());
}

export async function deleteChange(id: string): Promise<void> {
  await del(id, changesStore());
}

/** Every change on the device, oldest first. */
export async function readChanges(): Promise<QueuedChange[]> {
  const all = await entries<string, QueuedChange>(changesStore());
  return all.map(([, change]) => change).sort((a, b) => a.seq - b.seq);
}
