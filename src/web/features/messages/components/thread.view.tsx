import { MessagesSquare } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import type { MessageFilters } from '../api/message.keys.ts';
import { useMarkThreadRead } from '../api/message.mutations.ts';
import { useMessages } from '../api/messages.query.ts';
import { Composer, type ComposerProps } from './composer.tsx';
import { MessageItem } from './message.item.tsx';

export interface ThreadViewProps {
  threadId: string;
  filters: MessageFilters;
  onFiltersChange?: (next: MessageFilters) => void;
  canPost: boolean;
  /** What a new message is about (a technician's job; or the record the thread is filtered to). */
  subject?: ComposerProps['subject'];
  subjectHref: (subject: string) => string;
}

/** A thread: search, the messages oldest to newest with "Load earlier" on top, the composer below. */
export function ThreadView({ threadId, filters, onFiltersChange, canPost, subject, subjectHref }: ThreadViewProps) {
  const messages = useMessages(threadId, filters);
  const markRead = useMarkThreadRead(threadId);
  const [search, setSearch] = useState(filters.q ?? '');
  const newest = messages.data?.items[0]?.id;
  const { mutate: markThreadRead } = markRead;
  useEffect(() => {
    if (newest) markThreadRead();
  }, [newest, markThreadRead]);
  const subjectLabel = messages.data?.items.find((m) => m.subject && subject && m.subject.id === subject.id)?.subject?.label;
  return (
    <div className="flex flex-col gap-4">
      {onFiltersChange ? (
        <search>
          <form
            className="flex flex-col gap-2 sm:flex-row sm:items-end"
            onSubmit={(event) => {
              event.preventDefault();
              onFiltersChange({ ...filters, q: search.trim() || undefined });
            }}
          >
            <TextField label="Search this thread" value={search} onChange={setSearch} maxLength={200} className="sm:w-80" />
            <div className="flex gap-2">
              <Button type="submit" variant="secondary">
                Search
              </Button>
              {filters.q || filters.subject ? (
                <Button
                  variant="secondary"
                  onPress={() => {
                    setSearch('');
                    onFiltersChange({});
                  }}
                >
                  Show all messages
                </Button>
              ) : null}
            </div>
          </form>
        </search>
      ) : null}
      <QueryView query={messages} loadingLabel="Loading messages…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              icon={MessagesSquare}
              headingLevel={2}
              title={filters.q ? 'No message matches' : 'No messages yet'}
              description={
                filters.q
                  ? 'Try other words, or show all messages.'
                  : canPost
                    ? 'Write the first message below: the other side is told at once.'
                    : 'Messages appear here when someone writes.'
              }
            />
          ) : (
            <div className="flex flex-col gap-3">
              {messages.hasNextPage ? (
                <Button variant="secondary" isDisabled={messages.isFetchingNextPage} onPress={() => void messages.fetchNextPage()}>
                  {messages.isFetchingNextPage ? 'Loading…' : 'Load earlier messages'}
                </Button>
              ) : null}
              <ol aria-label="Messages, oldest first" className="flex flex-col gap-3">
                {[...items].reverse().map((message) => (
                  <MessageItem key={message.id} message={message} subjectHref={subjectHref} />
                ))}
              </ol>
            </div>
          )
        }
      </QueryView>
      {canPost ? <Composer threadId={threadId} subject={subject} subjectLabel={subjectLabel} /> : null}
    </div>
  );
}
