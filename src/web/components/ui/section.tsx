import type { ReactNode } from 'react';

export interface SectionProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** For links to this part of the page. */
  id?: string;
}

/** A titled block of a page (h2), e.g. "Two-factor sign-in" on the Security page. */
export function Section({ title, description, actions, children, id }: SectionProps) {
  return (
    <section id={id} className="flex scroll-mt-4 flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
          {description ? <div className="mt-1 text-slate-700">{description}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
