import { Section } from '../../../components/ui/section.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { useJobThread } from '../api/threads.query.ts';
import { ThreadView } from './thread.view.tsx';

/** A technician's job page: the messages about this job, and a composer that writes about it. */
export function JobMessagesSection({ jobId }: { jobId: string }) {
  const thread = useJobThread(jobId);
  return (
    <Section title="Messages about this job">
      <QueryView query={thread} loadingLabel="Loading messages…">
        {(found) =>
          found ? (
            <ThreadView
              threadId={found.id}
              filters={{ subject: `job:${jobId}` }}
              canPost={found.abilities.post}
              subject={{ kind: 'job', id: jobId }}
              subjectHref={() => `/tech/jobs/${encodeURIComponent(jobId)}`}
            />
          ) : (
            <p className="text-slate-700">Messages about this job appear here.</p>
          )
        }
      </QueryView>
    </Section>
  );
}
