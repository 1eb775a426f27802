import { useUnreadMessages } from '../api/threads.query.ts';

/** The navigation's unread count beside "Messages" (nothing when there is none). */
export function UnreadMessagesBadge() {
  const unread = useUnreadMessages().data ?? 0;
  if (unread === 0) return null;
  return (
    <span data-testid="unread-messages" className="ml-2 rounded-full bg-blue-700 px-2 py-0.5 text-xs font-semibold text-white">
      {unread}
      <span className="sr-only"> unread</span>
    </span>
  );
}
