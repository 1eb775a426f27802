import { BellOff, Settings } from 'lucide-react';
import { useState } from 'react';
import { type NotificationKind, notificationKindLabels, notificationKinds } from '../../../../shared/domain/notification.kinds.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ButtonLink, TextLink } from '../../../components/ui/link.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { NativeSelectField } from '../../../components/ui/native-select.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { toastError } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDateTime, formatText } from '../../../lib/format.intl.ts';
import { useGroupNotifications } from '../api/list-group.query.ts';
import { type NotificationFilters, type NotificationGroup, useNotificationGroups } from '../api/list-groups.query.ts';
import { useMarkAllNotificationsRead } from '../api/mark-all-read.mutation.ts';
import { useMarkGroupRead } from '../api/mark-group-read.mutation.ts';

const kindOptions = [
  { id: '', label: 'All kinds' },
  ...notificationKinds.map((kind) => ({ id: kind, label: notificationKindLabels[kind].replace(/ \(.*\)$/, '') })),
];
const showOptions = [
  { id: '', label: 'All' },
  { id: 'unread', label: 'Unread only' },
];

/** The notifications of one group, opened under it. */
function GroupItems({ groupKey }: { groupKey: string }) {
  const items = useGroupNotifications(groupKey, true);
  return (
    <div className="mt-2">
      <QueryView query={items} loadingLabel="Loading these updates…">
        {({ items: list }) => (
          <ul className="flex flex-col gap-2 border-l-2 border-slate-200 pl-3 text-sm">
            {list.map((n) => (
              <li key={n.id}>
                <span className={n.readAt ? 'text-slate-700' : 'font-medium text-slate-900'}>{formatText(n.title)}</span>
                <span className="text-slate-600"> · {formatDateTime(n.createdAt)}</span>
                <div className="text-slate-700 break-words">{formatText(n.body)}</div>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <LoadMore query={items} />
    </div>
  );
}

function GroupRow({ group }: { group: NotificationGroup }) {
  const markGroup = useMarkGroupRead();
  const [open, setOpen] = useState(false);
  const { latest } = group;
  const markRead = () => markGroup.mutate(group.key, { onError: (error) => toastError('Could not mark as read', describeError(error)) });
  const summary = formatText(group.summary);
  return (
    <DataListItem
      title={
        latest.link ? (
          <TextLink href={latest.link} onPress={() => group.unread > 0 && markRead()}>
            {summary}
          </TextLink>
        ) : (
          summary
        )
      }
      badges={group.unread > 0 ? <Badge tone="blue">{group.unread > 1 ? `${group.unread} new` : 'New'}</Badge> : null}
      subtitle={group.count > 1 ? `Latest: ${formatText(latest.title)}. ${formatText(latest.body)}` : formatText(latest.body)}
      meta={formatDateTime(latest.createdAt)}
      actions={
        <>
          {group.count > 1 ? (
            <Button variant="secondary" size="sm" aria-expanded={open} onPress={() => setOpen(!open)}>
              {open ? 'Hide' : `Show all ${group.count}`}
              <span className="sr-only">: {summary}</span>
            </Button>
          ) : null}
          {group.unread > 0 ? (
            <Button variant="secondary" size="sm" isDisabled={markGroup.isPending} onPress={markRead}>
              Mark as read<span className="sr-only">: {summary}</span>
            </Button>
          ) : null}
        </>
      }
    >
      {open ? <GroupItems groupKey={group.key} /> : null}
    </DataListItem>
  );
}

export interface NotificationsPageProps {
  filters: NotificationFilters;
  onFiltersChange: (next: NotificationFilters) => void;
  /** The notification settings page of this side of the app. */
  settingsHref: string;
}

/** The notification centre: one row per subject ("3 updates on Colour palette"), newest first. */
export function NotificationsPage({ filters, onFiltersChange, settingsHref }: NotificationsPageProps) {
  const groups = useNotificationGroups(filters);
  const markAll = useMarkAllNotificationsRead();
  const unread = groups.data?.unread ?? 0;
  const filtered = Boolean(filters.kind || filters.unread);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="What happened that concerns you, grouped by what it is about."
        actions={
          <>
            <ButtonLink href={settingsHref} variant="secondary">
              <Settings aria-hidden="true" className="size-4" />
              Notification settings
            </ButtonLink>
            {unread > 0 ? (
              <Button
                variant="secondary"
                isDisabled={markAll.isPending}
                onPress={() =>
                  markAll.mutate(filters.kind, { onError: (error) => toastError('Could not mark all as read', describeError(error)) })
                }
              >
                {filters.kind ? 'Mark these as read' : 'Mark all as read'}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="mb-4 grid gap-3 sm:grid-cols-2">
        <NativeSelectField
          label="Kind"
          options={kindOptions}
          value={filters.kind ?? ''}
          onChange={(kind) => onFiltersChange({ ...filters, kind: (kind || undefined) as NotificationKind | undefined })}
        />
        <NativeSelectField
          label="Show"
          options={showOptions}
          value={filters.unread ? 'unread' : ''}
          onChange={(show) => onFiltersChange({ ...filters, unread: show === 'unread' || undefined })}
        />
      </div>
      <QueryView query={groups} loadingLabel="Loading notifications…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              icon={BellOff}
              title={filtered ? 'Nothing matches these filters' : 'Nothing here yet'}
              description={
                filtered
                  ? 'Choose "All kinds" and "All" to see every notification.'
                  : 'When something needs your attention, such as a milestone submitted or a payment sent, it shows up here.'
              }
            />
          ) : (
            <DataList label="Notifications">
              {items.map((group) => (
                <GroupRow key={group.key} group={group} />
              ))}
            </DataList>
          )
        }
      </QueryView>
      <LoadMore query={groups} />
    </>
  );
}
