import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { type AccountMenuProps, AccountTriggerContent, accountTriggerClasses } from './account-menu.trigger.tsx';

const itemClasses = 'cursor-pointer rounded px-3 py-2 text-slate-900 outline-none data-focused:bg-blue-50';

/** The account menu itself (React Aria), loaded by AccountMenu when it is first opened. */
export function AccountMenuPopover({ name, email, securityHref, onSignOut, defaultOpen }: AccountMenuProps & { defaultOpen?: boolean }) {
  return (
    <MenuTrigger defaultOpen={defaultOpen}>
      <Button aria-label={`Account: ${name}`} className={accountTriggerClasses}>
        <AccountTriggerContent name={name} />
      </Button>
      <Popover placement="bottom end" className="min-w-56 rounded-md border border-slate-300 bg-white shadow-lg">
        <div className="border-b border-slate-200 px-3 py-2 text-sm">
          <p className="font-medium text-slate-900">{name}</p>
          <p className="text-slate-700 break-all">{email}</p>
        </div>
        <Menu aria-label="Account" className="p-1 outline-none">
          <MenuItem href={securityHref} className={itemClasses}>
            Security
          </MenuItem>
          <Separator className="my-1 border-t border-slate-200" />
          <MenuItem onAction={onSignOut} className={itemClasses}>
            Sign out
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
