import { CloudOff, RefreshCw } from 'lucide-react';
import { Button } from '../../../components/ui/button.tsx';
import { dismissRefused, flushQueue } from './offline.queue.ts';
import { useOfflineQueue } from './use-offline-queue.ts';

function changes(count: number): string {
  return count === 1 ? '1 change' : `${count} changes`;
}

/**
 * The tech view's connection banner: offline with what waits on the phone, sending, a stop
 * that needs the person (signed out), and every change the server refused with its reason,
 * kept until the person has read it.
 */
export function OfflineBanner() {
  const queue = useOfflineQueue();
  const waiting = queue.waiting.length;
  let line: string | null = null;
  if (!queue.online) line = `Offline — ${changes(waiting)} waiting`;
  else if (queue.blocked) line = queue.blocked;
  else if (waiting > 0) line = queue.sending ? `Sending ${changes(waiting)}…` : `${changes(waiting)} waiting to be sent`;
  return (
    <div className="flex flex-col gap-2">
      <div role="status" aria-live="polite">
        {line ? (
          <div
            className={`flex flex-wrap items-center gap-2 rounded-md border p-3 text-sm font-medium ${queue.online ? 'border-blue-300 bg-blue-50 text-blue-900' : 'border-amber-400 bg-amber-50 text-amber-950'}`}
          >
            {queue.online ? <RefreshCw aria-hidden="true" className="size-4" /> : <CloudOff aria-hidden="true" className="size-4" />}
            <span className="flex-1">{line}</span>
            {queue.online && waiting > 0 && !queue.sending ? (
              <Button size="sm" variant="secondary" onPress={() => void flushQueue()}>
                Send now
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {queue.refused.length > 0 ? (
        <section aria-label="Changes not accepted" className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3">
          <h2 className="text-sm font-semibold text-red-900">Not accepted by Portico</h2>
          <ul className="flex flex-col gap-2">
            {queue.refused.map((change) => (
              <li key={change.id} className="flex flex-wrap items-start justify-between gap-2 text-sm text-red-900">
                <span className="min-w-0 flex-1 break-words">
                  <strong>{change.label}</strong>: {change.reason}
                </span>
                <Button size="sm" variant="secondary" onPress={() => void dismissRefused(change.id)}>
                  Dismiss<span className="sr-only"> {change.label}</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
