import { ChevronDown, UserRound } from 'lucide-react';
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';

export interface AccountMenuProps {
  name: string;
  email: string;
  securityHref: string;
  onSignOut: () => void;
}

const itemClasses = 'cursor-pointer rounded px-3 py-2 text-slate-900 outline-none data-focused:bg-blue-50';

export function AccountMenu({ name, email, securityHref, onSignOut }: AccountMenuProps) {
  return (
    <MenuTrigger>
      <Button
        aria-label={`Account: ${name}`}
        className="flex min-h-11 cursor-pointer items-center gap-1 rounded-md px-2 text-slate-900 hover:bg-slate-100"
      >
        <UserRound aria-hidden="true" className="size-5" />
        <span className="hidden max-w-40 truncate text-sm font-medium lg:inline">{name}</span>
        <ChevronDown aria-hidden="true" className="size-4" />
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
