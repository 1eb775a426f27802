import { Inbox, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  /** What to do next. */
  description: ReactNode;
  action?: ReactNode;
  icon?: LucideIcon;
  headingLevel?: 2 | 3;
}

export function EmptyState({ title, description, action, icon: Icon = Inbox, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-slate-400 bg-white px-4 py-10 text-center">
      <Icon aria-hidden="true" className="size-8 text-slate-600" />
      <Heading className="text-lg font-semibold text-slate-900">{title}</Heading>
      <div className="max-w-md text-slate-700">{description}</div>
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
