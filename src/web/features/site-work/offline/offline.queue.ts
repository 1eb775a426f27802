import { ApiError, describeError } from '../../../lib/api.request.ts';
import { backoffDelay, isTransient } from '../../../lib/retry.ts';
import { sendChange } from './offline.send.ts';
import { deleteChange, type QueuedChange, readChanges, saveChange } from './offline.store.ts';

export interface QueueSnapshot {
  online: boolean;
  sending: boolean;
  /** This person's changes not yet accepted, oldest first. */
  waiting: readonly QueuedChange[];
  /** This person's changes the server refused, with the reason: shown until dismissed. */
  refused: readonly QueuedChange[];
  /** Why sending stopped, when it is not the connection (the session ended). */
  blocked: string | null;
}

type Settled = (change: QueuedChange, outcome: 'applied' | 'refused') => void;

let snapshot: QueueSnapshot = { online: true, sending: false, waiting: [], refused: [], blocked: null };
let userId: string | null = null;
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | null = null;
const listeners = new Set<() => void>();
const settledListeners = new Set<Settled>();

function emit(change: Partial<QueueSnapshot>): void {
  snapshot = { ...snapshot, ...change };
  for (const listener of listeners) listener();
}

async function reload(): Promise<void> {
  const mine = userId ? (await readChanges()).filter((c) => c.userId === userId) : [];
  emit({ waiting: mine.filter((c) => c.status === 'waiting'), refused: mine.filter((c) => c.status === 'refused') });
}

function scheduleRetry(): void {
  failures += 1;
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flushQueue(), backoffDelay(failures, 2000, 60_000));
}

async function sendWaiting(): Promise<void> {
  for (;;) {
    const next = userId ? (await readChanges()).find((c) => c.userId === userId && c.status === 'waiting') : undefined;
    if (!next) return;
    try {
      await sendChange(next);
      await deleteChange(next.id);
      failures = 0;
      for (const listener of settledListeners) listener(next, 'applied');
    } catch (error) {
      if (isTransient(error)) {
        scheduleRetry();
        return;
      }
      if (error instanceof ApiError && error.status === 401) {
        emit({ blocked: 'Your session has ended: sign in again to send the changes waiting on this phone.' });
        return;
      }
      await saveChange({ ...next, status: 'refused', reason: describeError(error) });
      for (const listener of settledListeners) listener(next, 'refused');
    }
    await reload();
  }
}

/** Sends this person's waiting changes in order, one at a time; a second call while it runs waits for the same run. */
export function flushQueue(): Promise<void> {
  if (running) return running;
  if (!userId || !navigator.onLine) return Promise.resolve();
  emit({ sending: true, blocked: null });
  running = sendWaiting()
    .catch(() => scheduleRetry())
    .finally(() => {
      running = null;
      emit({ sending: false });
      void reload();
    });
  return running;
}

function onOnline(): void {
  emit({ online: true });
  failures = 0;
  void flushQueue();
}

function onOffline(): void {
  emit({ online: false });
}

/**
 * Starts the queue for the signed-in person (the tech view's shell does, once): loads what is
 * waiting on the device, sends it now if there is a connection and again whenever it returns.
 */
export function startQueue(forUserId: string): () => void {
  userId = forUserId;
  emit({ online: navigator.onLine });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  void reload().then(() => flushQueue());
  return () => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    clearTimeout(retryTimer);
  };
}

let sequence = 0;

/** Keeps a change on the device and sends it as soon as it can. Resolves once it is stored, not sent. */
export async function enqueueChange(change: Omit<QueuedChange, 'id' | 'seq' | 'userId' | 'status' | 'createdAt'>): Promise<QueuedChange> {
  if (!userId) throw new Error('The offline queue has not started: open the tech view first.');
  sequence += 1;
  const queued: QueuedChange = {
    ...change,
    id: globalThis.crypto.randomUUID(),
    seq: Date.now() * 1000 + (sequence % 1000),
    userId,
    status: 'waiting',
    createdAt: new Date().toISOString(),
  };
  await saveChange(queued);
  await reload();
  void flushQueue();
  return queued;
}

/** The person has read why a change was refused: it leaves the device. */
export async function dismissRefused(id: string): Promise<void> {
  await deleteChange(id);
  await reload();
}

export function subscribeQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function readQueue(): QueueSnapshot {
  return snapshot;
}

/** Told when a change is applied or refused (the pages refresh the job). */
export function onChangeSettled(listener: Settled): () => void {
  settledListeners.add(listener);
  return () => settledListeners.delete(listener);
}
