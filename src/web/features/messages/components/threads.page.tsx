import { MessagesSquare } from 'lucide-react';
import { Badge } from '../../../components/ui/badge.tsx';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { formatDateTime } from '../../../lib/format.intl.ts';
import { useThreads } from '../api/threads.query.ts';

/** Every thread of the person: one per contractor (company) or per client organization (contractor), unread first in the eye. */
export function ThreadsPage({ threadHref, emptyHint }: { threadHref: (id: string) => string; emptyHint: string }) {
  const threads = useThreads();
  return (
    <>
      <PageHeader title="Messages" description="One thread per engagement: everything about the work in one place." />
      <QueryView query={threads} loadingLabel="Loading messages…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState icon={MessagesSquare} title="No threads yet" description={emptyHint} />
          ) : (
            <DataList label="Threads">
              {items.map((thread) => (
                <DataListItem
                  key={thread.id}
                  title={<TextLink href={threadHref(thread.id)}>{thread.counterpartName}</TextLink>}
                  badges={thread.unread > 0 ? <Badge tone="blue">{`${thread.unread} unread`}</Badge> : null}
                  meta={thread.lastMessageAt ? `Last message ${formatDateTime(thread.lastMessageAt)}` : 'No messages yet'}
                />
              ))}
            </DataList>
          )
        }
      </QueryView>
      <LoadMore query={threads} />
    </>
  );
}
