import { lazy, Suspense, useState } from 'react';
import { type AccountMenuProps, AccountTriggerContent, accountTriggerClasses } from './account-menu.trigger.tsx';

export type { AccountMenuProps } from './account-menu.trigger.tsx';

const loadPopover = () => import('./account-menu.popover.tsx');
const AccountMenuPopover = lazy(() => loadPopover().then((m) => ({ default: m.AccountMenuPopover })));

/**
 * The account button of every shell. The menu (React Aria's menu, popover and overlays, the
 * heaviest part of the header) loads when the button is pointed at, focused or pressed, not with
 * every page: until then the button is a native one that looks the same and opens the menu.
 */
export function AccountMenu(props: AccountMenuProps) {
  const [opened, setOpened] = useState(false);
  const nativeTrigger = (
    <button
      type="button"
      aria-label={`Account: ${props.name}`}
      aria-haspopup="menu"
      aria-expanded={false}
      className={accountTriggerClasses}
      onPointerEnter={() => void loadPopover()}
      onFocus={() => void loadPopover()}
      onClick={() => setOpened(true)}
    >
      <AccountTriggerContent name={props.name} />
    </button>
  );
  if (!opened) return nativeTrigger;
  return (
    <Suspense fallback={nativeTrigger}>
      <AccountMenuPopover {...props} defaultOpen />
    </Suspense>
  );
}
