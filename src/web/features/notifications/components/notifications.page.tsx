import { BellOff } from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { toastError } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDateTime, formatText } from '../../../lib/format.intl.ts';
import { type Notification, useNotifications } from '../api/list-notifications.query.ts';
import { useMarkAllNotificationsRead } from '../api/mark-all-read.mutation.ts';
import { useMarkNotificationRead } from '../api/mark-read.mutation.ts';
import { LoadMore } from '../../../components/ui/load-more.tsx';

function NotificationRow({ notification }: { notification: Notification }) {
  const markRead = useMarkNotificationRead();
  const unread = notification.readAt === null;
  const actions: ReactNode[] = [];
  if (unread)
    actions.push(
      <Button
        key="read"
        variant="secondary"
        size="sm"
        isDisabled={markRead.isPending}
        onPress={() => markRead.mutate(notification.id, { onError: (error) => toastError('Could not mark as read', describeError(error)) })}
      >
        Mark as read<span className="sr-only">: {formatText(notification.title)}</span>
      </Button>,
    );
  return (
    <DataListItem
      title={
        notification.link ? (
          <TextLink href={notification.link} onPress={() => unread && markRead.mutate(notification.id)}>
            {formatText(notification.title)}
          </TextLink>
        ) : (
          formatText(notification.title)
        )
      }
      badges={unread ? <Badge tone="blue">New</Badge> : null}
      subtitle={formatText(notification.body)}
      meta={formatDateTime(notification.createdAt)}
      actions={actions.length > 0 ? actions : null}
    />
  );
}

export function NotificationsPage() {
  const notifications = useNotifications();
  const markAll = useMarkAllNotificationsRead();
  const unread = notifications.data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="What happened that concerns you."
        actions={
          unread > 0 ? (
            <Button
              variant="secondary"
              isDisabled={markAll.isPending}
              onPress={() =>
                markAll.mutate(undefined, { onError: (error) => toastError('Could not mark all as read', describeError(error)) })
              }
            >
              Mark all as read
            </Button>
          ) : null
        }
      />
      <QueryView query={notifications} loadingLabel="Loading notifications…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              icon={BellOff}
              title="Nothing here yet"
              description="When something needs your attention, such as an invitation accepted or a job assigned, it shows up here."
            />
          ) : (
            <DataList label="Notifications">
              {items.map((notification) => (
                <NotificationRow key={notification.id} notification={notification} />
              ))}
            </DataList>
          )
        }
      </QueryView>
      <LoadMore query={notifications} />
    </>
  );
}
