import { useMemo } from 'react';
import { QueryView } from '../../../components/ui/query-view.tsx';
import type { LocalEffect } from '../api/site-work.effects.ts';
import { useSiteSheet } from '../api/get-site-sheet.query.ts';
import { savedSignatureUrlOf, usePreferences } from '../api/preferences.api.ts';
import { overlayWaiting } from '../api/site-work.overlay.ts';
import { queuedSender } from '../offline/queued.sender.ts';
import { useOfflineQueue } from '../offline/use-offline-queue.ts';
import { SiteWorkPanel } from './site-work.panel.tsx';

/**
 * The site work of one job on the technician's phone: the server's sheet (kept by the service
 * worker for offline use) with the changes still waiting on the phone shown as done; every
 * change goes through the offline queue.
 */
export function TechSiteWork({ jobId }: { jobId: string }) {
  const sheet = useSiteSheet(jobId);
  const preferences = usePreferences();
  const { waiting } = useOfflineQueue();
  const effects = useMemo(() => waiting.filter((c) => c.jobId === jobId && c.local).map((c) => c.local as LocalEffect), [waiting, jobId]);
  return (
    <QueryView query={sheet} loadingLabel="Loading the tasks…">
      {(data) => (
        <SiteWorkPanel
          sheet={overlayWaiting(data, effects)}
          sender={queuedSender}
          savedSignatureUrl={savedSignatureUrlOf(preferences.data)}
        />
      )}
    </QueryView>
  );
}
