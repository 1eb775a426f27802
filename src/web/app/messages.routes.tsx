import { type AnyRoute, createRoute, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { ThreadPage, ThreadsPage, withPages } from './lazy.pages.ts';

type Base = '/app' | '/portal';

/** The thread page's URL state: a record it is filtered to (`kind:id`), a search, the tab. */
export interface ThreadSearch {
  subject?: string;
  q?: string;
  tab?: 'messages' | 'notes';
}

export function validateThreadSearch(search: Record<string, unknown>): ThreadSearch {
  const text = (value: unknown, max: number) => (typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined);
  return { subject: text(search.subject, 80), q: text(search.q, 200), tab: search.tab === 'notes' ? 'notes' : undefined };
}

const threadHref = (base: Base, id: string) => `${base}/messages/${encodeURIComponent(id)}`;

function MessagesList({ base }: { base: Base }) {
  return (
    <ThreadsPage
      threadHref={(id: string) => threadHref(base, id)}
      emptyHint={
        base === '/app'
          ? 'Each contractor you work with has a thread here once they accept your invitation.'
          : 'Each organization you work for has a thread here once you accept its invitation.'
      }
    />
  );
}

function MessagesThread({ base }: { base: Base }) {
  const { threadId } = useParams({ strict: false }) as { threadId: string };
  const search = useSearch({ strict: false }) as ThreadSearch;
  const navigate = useNavigate();
  return (
    <ThreadPage
      threadId={threadId}
      filters={search}
      onFiltersChange={(next: ThreadSearch) => void navigate({ to: '.', search: next as never, replace: true })}
      back={{ href: `${base}/messages`, label: 'All messages' }}
      subjectHref={(subject: string) => `${threadHref(base, threadId)}?subject=${encodeURIComponent(subject)}`}
    />
  );
}

const CompanyMessages = withPages(() => <MessagesList base="/app" />, ThreadsPage);
const PortalMessages = withPages(() => <MessagesList base="/portal" />, ThreadsPage);
const CompanyThread = withPages(() => <MessagesThread base="/app" />, ThreadPage);
const PortalThread = withPages(() => <MessagesThread base="/portal" />, ThreadPage);

/** The Messages pages of a shell (`/app/messages`, `/portal/messages`): the thread list and a thread. */
export function createMessageRoutes(parent: () => AnyRoute, base: Base) {
  return [
    createRoute({ getParentRoute: parent, path: 'messages', component: base === '/app' ? CompanyMessages : PortalMessages }),
    createRoute({
      getParentRoute: parent,
      path: 'messages/$threadId',
      validateSearch: validateThreadSearch,
      component: base === '/app' ? CompanyThread : PortalThread,
    }),
  ] as const;
}
