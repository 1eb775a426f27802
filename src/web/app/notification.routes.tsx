import { type AnyRoute, createRoute, useLocation, useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { NotificationSettingsPage, NotificationsPage, withPages } from './lazy.pages.ts';
import { type NotificationSearch, validateNotificationSearch } from './notification.search.ts';

/** The shell these pages are under (`/app`, `/portal` or `/tech`), from the address. */
function useShellBase(): string {
  const pathname = useLocation({ select: (l) => l.pathname });
  return `/${pathname.split('/')[1] ?? 'portal'}`;
}

const NotificationsRoute = withPages(function NotificationsRoute() {
  const base = useShellBase();
  const filters = validateNotificationSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const changeFilters = useCallback(
    (next: NotificationSearch) => void navigate({ to: `${base}/notifications`, search: next, replace: true } as never),
    [navigate, base],
  );
  return <NotificationsPage filters={filters} onFiltersChange={changeFilters} settingsHref={`${base}/notifications/settings`} />;
}, NotificationsPage);

const NotificationSettingsRoute = withPages(function NotificationSettingsRoute() {
  return <NotificationSettingsPage backHref={`${useShellBase()}/notifications`} />;
}, NotificationSettingsPage);

/** The notification centre (filters in the URL) and its settings page, under a shell. */
export function createNotificationRoutes<P extends AnyRoute>(parent: P) {
  const notificationsRoute = createRoute({
    getParentRoute: () => parent,
    path: 'notifications',
    validateSearch: validateNotificationSearch,
    component: NotificationsRoute,
  });
  const settingsRoute = createRoute({ getParentRoute: () => parent, path: 'notifications/settings', component: NotificationSettingsRoute });
  return [notificationsRoute, settingsRoute] as const;
}
