import { readAnswer, sendRequest } from '../../../lib/api.request.ts';
import type { SiteChange } from './site-work.changes.ts';

/**
 * How a page sends its changes: the tech view queues them on the phone (sent in order when there
 * is a connection: offline/queued.sender.ts), the desk sends them at once and shows any refusal.
 */
export interface SiteWorkSender {
  mode: 'queued' | 'direct';
  /** Resolves once the change is kept (queued) or applied (direct); a direct refusal throws its ApiError. */
  send(change: SiteChange): Promise<void>;
  /** No connection now: photos wait on the phone instead of uploading. */
  isOffline(): boolean;
}

/** The desk's sender: each change at once, with a fresh Idempotency-Key (a double press applies it once). */
export function directSender(onApplied: () => void): SiteWorkSender {
  return {
    mode: 'direct',
    isOffline: () => false,
    async send(change) {
      const headers: Record<string, string> = { 'idempotency-key': globalThis.crypto.randomUUID() };
      if (change.request.body !== undefined) headers['content-type'] = 'application/json';
      await readAnswer(
        sendRequest(
          new Request(new URL(change.request.url, window.location.origin), {
            method: change.request.method,
            headers,
            body: change.request.body === undefined ? undefined : JSON.stringify(change.request.body),
            credentials: 'same-origin',
          }),
        ),
      );
      onApplied();
    },
  };
}
