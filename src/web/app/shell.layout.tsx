import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { Menu, X } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import { Button, Link } from 'react-aria-components';
import type { Me, Membership } from '../../shared/schemas/session.schema.ts';
import { MAIN_ID, SkipLink } from '../components/ui/skip-link.tsx';
import { toastError } from '../components/ui/toast.tsx';
import { describeError } from '../lib/api.client.ts';
import { useLiveUpdates } from '../lib/use-live-updates.ts';
import { NotificationBell } from '../features/notifications/components/notification-bell.tsx';
import { useSignOut } from '../features/session/api/sign-out.mutation.ts';
import { useMe } from '../features/session/api/me.query.ts';
import { AccountMenu } from '../features/session/components/account-menu.tsx';
import { ContextSwitcher } from '../features/session/components/context-switcher.tsx';
import { nameMembership } from '../features/session/components/membership.label.ts';
import { useSwitchContext } from './context.switch.ts';
import { homeOf, prefixOf, securityOf } from './shell.paths.ts';
import { useLeaveApp } from './signed-out.ts';

export interface NavItem {
  href: string;
  label: string;
  /** Shown after the label (the unread count beside Messages). */
  badge?: ReactNode;
}

export interface ShellProps {
  /** What the guard loaded; `useMe` keeps it fresh afterwards. */
  me: Me;
  membership: Membership;
  /** "Company", "Contractor portal", "Technician". */
  area: string;
  nav: readonly NavItem[];
  children?: ReactNode;
}

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The frame of the three apps: skip link, header (brand, bell, account), navigation, main. */
export function Shell({ me: loadedMe, membership: loadedMembership, area, nav, children }: ShellProps) {
  const me = useMe().data ?? loadedMe;
  // Names can change while the shell is open (organization settings): prefer the fresh copy.
  const membership = me.memberships.find((m) => m.key === loadedMembership.key) ?? loadedMembership;
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const leaveApp = useLeaveApp();
  const switchContext = useSwitchContext();
  const signOut = useSignOut(() => void leaveApp());
  // The menu (phones) is open for the page it was opened on; any navigation closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === pathname;
  const kind = membership.kind;
  const navigate = useNavigate();
  const mustEnrol = me.mustEnrolTwoFactor;
  // One event stream per tab: new messages, notifications and status changes refresh what is shown.
  useLiveUpdates();

  // The organization may start requiring 2FA while the user is in: send them to enrol.
  useEffect(() => {
    if (mustEnrol && pathname !== securityOf(kind)) void navigate({ to: securityOf(kind) });
  }, [mustEnrol, pathname, kind, navigate]);

  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-2 px-4">
          <Button
            aria-label="Menu"
            aria-expanded={menuOpen}
            aria-controls="shell-menu"
            onPress={() => setOpenOn(menuOpen ? null : pathname)}
            className="-ml-2 flex size-11 cursor-pointer items-center justify-center rounded-md text-slate-900 hover:bg-slate-100 md:hidden"
          >
            {menuOpen ? <X aria-hidden="true" className="size-6" /> : <Menu aria-hidden="true" className="size-6" />}
          </Button>
          <Link href={homeOf(kind)} className="flex min-w-0 flex-col rounded leading-tight">
            <span className="text-lg font-bold tracking-tight text-slate-900">Portico</span>
            <span className="truncate text-xs text-slate-700">
              {area} · {nameMembership(membership)}
            </span>
          </Link>
          <div className="ml-auto flex items-center gap-1">
            <NotificationBell href={`${prefixOf(kind)}/notifications`} />
            <AccountMenu
              name={me.user.name}
              email={me.user.email}
              securityHref={securityOf(kind)}
              onSignOut={() => signOut.mutate(undefined, { onError: (error) => toastError('Could not sign out', describeError(error)) })}
            />
          </div>
        </div>
        <div
          id="shell-menu"
          className={`${menuOpen ? 'flex' : 'hidden'} mx-auto max-w-6xl flex-col gap-4 border-t border-slate-200 px-4 py-3 md:flex md:flex-row md:items-center md:justify-between md:py-2`}
        >
          <nav aria-label="Main">
            <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap">
              {nav.map((item) => {
                const current = isCurrent(pathname, item.href);
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={current ? 'page' : undefined}
                      className={`flex min-h-11 items-center rounded-md px-3 font-medium ${
                        current ? 'bg-blue-50 text-blue-800' : 'text-slate-800 hover:bg-slate-100'
                      }`}
                    >
                      {item.label}
                      {item.badge}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <ContextSwitcher memberships={me.memberships} currentKey={membership.key} onSwitch={(m) => void switchContext(m)} />
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:py-8">
        {children ?? <Outlet />}
      </main>
    </div>
  );
}
