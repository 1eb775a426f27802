import { lazy } from 'react';
import { LoadWhenNear } from '../../../components/ui/load-when-near.tsx';
import { LoadingState } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';

const JobMessagesSection = lazy(() => import('./job-messages.section.tsx').then((m) => ({ default: m.JobMessagesSection })));

/**
 * The job's messages on the technician's job page, a screen and a half down on a phone: their
 * code (the thread, the composer with its text field and file drop; ~12 KB gzip) loads when the
 * technician scrolls near them or once the page has settled (LoadWhenNear), not with the page.
 * The route's loader has already asked for the thread. Until then, the section's title and a
 * loading line stand where the messages will be.
 */
export function DeferredJobMessages({ jobId }: { jobId: string }) {
  return (
    <LoadWhenNear
      placeholder={
        <Section title="Messages about this job">
          <LoadingState label="Loading messages…" />
        </Section>
      }
    >
      <JobMessagesSection jobId={jobId} />
    </LoadWhenNear>
  );
}
