import { lazy, Suspense, useSyncExternalStore } from 'react';
import { UNSTABLE_ToastQueue as ToastQueue } from 'react-aria-components';
import type { ToastMessage } from './toast.region.tsx';

export type { ToastMessage };

const queue = new ToastQueue<ToastMessage>({ maxVisibleToasts: 3 });

/** Shows a short message in the corner; errors stay until dismissed. */
export function showToast(message: ToastMessage): void {
  queue.add(message, { timeout: message.tone === 'error' ? undefined : 6000 });
}

export function toastSuccess(title: string, description?: string): void {
  showToast({ title, description, tone: 'success' });
}

export function toastError(title: string, description?: string): void {
  showToast({ title, description, tone: 'error' });
}

// The region (and the React Aria parts it renders) loads with the first message, not with every page.
const ToastRegionView = lazy(() => import('./toast.region.tsx').then((m) => ({ default: m.ToastRegionView })));

function subscribeToToasts(onChange: () => void): () => void {
  return queue.subscribe(onChange);
}

function countToasts(): number {
  return queue.visibleToasts.length;
}

export function Toasts() {
  const count = useSyncExternalStore(subscribeToToasts, countToasts);
  if (count === 0) return null;
  return (
    <Suspense fallback={null}>
      <ToastRegionView queue={queue} />
    </Suspense>
  );
}
