import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { queryRoots } from '../../../lib/query.roots.ts';
import { useSiteSheet } from '../api/get-site-sheet.query.ts';
import { savedSignatureUrlOf, usePreferences } from '../api/preferences.api.ts';
import { directSender } from '../api/site-work.sender.ts';
import { siteWorkKeys } from '../api/site-work.keys.ts';
import { SiteWorkPanel } from './site-work.panel.tsx';

/**
 * The same site work on a job page of the desk (office staff recording for a technician) or the
 * company (reading, and downloading the report): changes are sent at once, the audit names who.
 */
export function DeskSiteWork({ jobId, withPreferences = true }: { jobId: string; withPreferences?: boolean }) {
  const sheet = useSiteSheet(jobId);
  const preferences = usePreferences(withPreferences);
  const queryClient = useQueryClient();
  const sender = useMemo(
    () =>
      directSender(() => {
        void queryClient.invalidateQueries({ queryKey: siteWorkKeys.sheet(jobId) });
        void queryClient.invalidateQueries({ queryKey: queryRoots.jobs });
        void queryClient.invalidateQueries({ queryKey: queryRoots.desk });
      }),
    [queryClient, jobId],
  );
  return (
    <QueryView query={sheet} loadingLabel="Loading the site work…">
      {(data) => (
        <SiteWorkPanel sheet={data} sender={sender} savedSignatureUrl={withPreferences ? savedSignatureUrlOf(preferences.data) : null} />
      )}
    </QueryView>
  );
}
