import { OfflineBanner } from './offline.banner.tsx';
import { useStartOfflineQueue } from './use-offline-queue.ts';

/**
 * The tech view's offline part, loaded with the tech view only (lazy.pages.ts): starts the queue
 * and the service worker for this person, and shows the connection banner above every page.
 */
export function TechOffline({ userId }: { userId: string }) {
  useStartOfflineQueue(userId);
  return (
    <div className="mb-4">
      <OfflineBanner />
    </div>
  );
}
