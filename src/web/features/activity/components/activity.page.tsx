import { History } from 'lucide-react';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { formatDateTime } from '../../../lib/format.intl.ts';
import { useAuditHead } from '../api/get-audit-head.query.ts';
import type { AuditEvent } from '../api/list-audit-events.query.ts';
import { useAuditEvents } from '../api/list-audit-events.query.ts';
import { LoadMore } from '../../../components/ui/load-more.tsx';

/** "engagement.ended" → "Engagement ended". */
export function describeAction(action: string): string {
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function showJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function Changes({ event }: { event: AuditEvent }) {
  if (event.before == null && event.after == null) return null;
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer font-medium text-blue-700 underline underline-offset-2">Show details</summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {event.before != null ? (
          <div>
            <p className="font-medium">Before</p>
            <pre className="rounded bg-slate-100 p-2 text-xs whitespace-pre-wrap break-all">{showJson(event.before)}</pre>
          </div>
        ) : null}
        {event.after != null ? (
          <div>
            <p className="font-medium">After</p>
            <pre className="rounded bg-slate-100 p-2 text-xs whitespace-pre-wrap break-all">{showJson(event.after)}</pre>
          </div>
        ) : null}
      </div>
    </details>
  );
}

/**
 * The end of this side's audit chain: the newest event's number and hash. Written down now, it
 * lets `portico audit verify` later prove that nothing after it was removed.
 */
function ChainHead() {
  const head = useAuditHead();
  const value = head.data?.head;
  if (!value) return null;
  return (
    <section aria-labelledby="chain-head" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="chain-head" className="font-medium text-slate-900">
        Audit chain head: event #{value.seq}
      </h2>
      <p className="mt-1 text-slate-700">
        Every change is chained to the one before it. Note this number and hash: <code>portico audit verify</code> prints the same, and
        would fail if any event up to here were changed or removed.
      </p>
      <p className="mt-2 font-mono text-xs break-all text-slate-800">{value.hash}</p>
    </section>
  );
}

export function ActivityPage({ description }: { description: string }) {
  const events = useAuditEvents();
  return (
    <>
      <PageHeader title="Activity" description={description} />
      <ChainHead />
      <QueryView query={events} loadingLabel="Loading activity…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              icon={History}
              title="Nothing recorded yet"
              description="Every change (invitations, engagements, and soon contracts and payments) is recorded here."
            />
          ) : (
            <DataList label="Activity">
              {items.map((event) => (
                <DataListItem
                  key={event.id}
                  title={describeAction(event.action)}
                  subtitle={`${event.actorName ?? 'Portico'} · ${event.entityType}`}
                  meta={formatDateTime(event.createdAt)}
                >
                  <Changes event={event} />
                </DataListItem>
              ))}
            </DataList>
          )
        }
      </QueryView>
      <LoadMore query={events} />
    </>
  );
}
