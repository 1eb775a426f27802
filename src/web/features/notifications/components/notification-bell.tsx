import { Bell } from 'lucide-react';
import { Link } from 'react-aria-components';
import { useUnreadCount } from '../api/count-unread.query.ts';

/** The bell in every shell's header, with the number of unread notifications. */
export function NotificationBell({ href }: { href: string }) {
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count > 0 ? `Notifications, ${count} unread` : 'Notifications';
  return (
    <Link
      href={href}
      aria-label={label}
      className="relative flex size-11 items-center justify-center rounded-md text-slate-900 hover:bg-slate-100"
    >
      <Bell aria-hidden="true" className="size-5" />
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="absolute top-1 right-1 flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-xs font-semibold text-white"
        >
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
