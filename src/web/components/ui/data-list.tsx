import type { ReactNode } from 'react';

export interface DataListProps {
  /** What the list holds, for screen readers ("Contractors"). */
  label: string;
  children: ReactNode;
}

/** A list of records that reads well on a phone: each row is a small card that stacks at 360 px. */
export function DataList({ label, children }: DataListProps) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {children}
    </ul>
  );
}

export interface DataListItemProps {
  title: ReactNode;
  subtitle?: ReactNode;
  meta?: ReactNode;
  badges?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}

export function DataListItem({ title, subtitle, meta, badges, actions, children }: DataListItemProps) {
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-900 break-words">{title}</span>
          {badges}
        </div>
        {subtitle ? <div className="text-sm text-slate-700 break-words">{subtitle}</div> : null}
        {meta ? <div className="text-sm text-slate-600">{meta}</div> : null}
        {children}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </li>
  );
}
