import { BackLink } from '../../../components/ui/back-link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { UrlTabs } from '../../../components/ui/tabs.tsx';
import { parseMessageSubject } from '../../../../shared/domain/messages.ts';
import type { MessageFilters } from '../api/message.keys.ts';
import { useThread } from '../api/threads.query.ts';
import { NotesPanel } from './notes.panel.tsx';
import { ThreadView } from './thread.view.tsx';

export interface ThreadPageProps {
  threadId: string;
  filters: MessageFilters & { tab?: 'messages' | 'notes' };
  onFiltersChange: (next: MessageFilters & { tab?: 'messages' | 'notes' }) => void;
  back: { href: string; label: string };
  /** The thread filtered to a record: `${base}?subject=kind:id`. */
  subjectHref: (subject: string) => string;
}

/** One engagement's thread: messages (and, for staff, the internal notes in a tab of their own). */
export function ThreadPage({ threadId, filters, onFiltersChange, back, subjectHref }: ThreadPageProps) {
  const thread = useThread(threadId);
  const subject = filters.subject ? (parseMessageSubject(filters.subject) ?? undefined) : undefined;
  return (
    <QueryView query={thread} loadingLabel="Loading the thread…">
      {(data) => {
        const messages = (
          <ThreadView
            threadId={threadId}
            filters={{ subject: filters.subject, q: filters.q }}
            onFiltersChange={(next) => onFiltersChange({ ...next, tab: filters.tab })}
            canPost={data.abilities.post}
            subject={subject}
            subjectHref={subjectHref}
          />
        );
        return (
          <div className="flex flex-col gap-4">
            <BackLink href={back.href} label={back.label} />
            <PageHeader
              title={`Messages with ${data.counterpartName}`}
              description={subject ? 'Showing the messages about one record.' : 'One thread for everything about this engagement.'}
            />
            {data.abilities.internalNotes ? (
              <UrlTabs
                label="Messages and internal notes"
                tabs={[
                  { id: 'messages', label: 'Messages' },
                  { id: 'notes', label: 'Internal notes' },
                ]}
                selected={filters.tab ?? 'messages'}
                onChange={(id) => onFiltersChange({ ...filters, tab: id === 'notes' ? 'notes' : 'messages' })}
              >
                {filters.tab === 'notes' ? <NotesPanel threadId={threadId} canPost={data.abilities.post} /> : messages}
              </UrlTabs>
            ) : (
              messages
            )}
          </div>
        );
      }}
    </QueryView>
  );
}
