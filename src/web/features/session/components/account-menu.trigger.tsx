import { ChevronDown, UserRound } from 'lucide-react';

/** What the account button shows and how it looks, before and after its menu loads (account-menu.tsx). */
export interface AccountMenuProps {
  name: string;
  email: string;
  securityHref: string;
  onSignOut: () => void;
}

export const accountTriggerClasses = 'flex min-h-11 cursor-pointer items-center gap-1 rounded-md px-2 text-slate-900 hover:bg-slate-100';

export function AccountTriggerContent({ name }: { name: string }) {
  return (
    <>
      <UserRound aria-hidden="true" className="size-5" />
      <span className="hidden max-w-40 truncate text-sm font-medium lg:inline">{name}</span>
      <ChevronDown aria-hidden="true" className="size-4" />
    </>
  );
}
