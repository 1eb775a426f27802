import type { ReactNode } from 'react';
import { TextLink } from '../../../components/ui/link.tsx';
import { formatDay, formatMoney } from '../../../lib/format.intl.ts';
import type { HomeMilestone, HomeRevision } from '../api/get-home.query.ts';

export interface HomeSectionProps {
  id: string;
  title: string;
  count: number;
  /** Where the whole list lives, with its filter set. */
  listHref: string;
  listLabel: string;
  /** What to do next when the list is empty. */
  empty: ReactNode;
  children: ReactNode;
}

/** One "needs attention" block: a count, the first rows, a link to the whole list, or what to do next. */
export function HomeSection({ id, title, count, listHref, listLabel, empty, children }: HomeSectionProps) {
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="flex items-baseline justify-between gap-3 text-lg font-semibold text-slate-900">
        <span>{title}</span>
        <span
          className={`rounded-full px-2.5 py-0.5 text-base tabular-nums ${count > 0 ? 'bg-amber-100 text-amber-950' : 'bg-slate-100 text-slate-800'}`}
        >
          {count}
        </span>
      </h2>
      {count === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <>
          <ul className="flex flex-col divide-y divide-slate-200">{children}</ul>
          <p>
            <TextLink href={listHref}>
              {listLabel}
              {count > 5 ? ` (all ${count})` : ''}
            </TextLink>
          </p>
        </>
      )}
    </section>
  );
}

export function MilestoneRow({ milestone, href, late }: { milestone: HomeMilestone; href: string; late?: boolean }) {
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
      <span className="min-w-0">
        <TextLink href={href}>{milestone.title}</TextLink>
        <span className="block text-sm text-slate-700">{milestone.contractTitle}</span>
      </span>
      <span className="text-sm text-slate-800">
        <span className={late ? 'font-semibold text-red-800' : ''}>
          {late ? 'Was due' : 'Due'} {formatDay(milestone.dueDate)}
        </span>
        {' · '}
        <span className="tabular-nums">{formatMoney({ amountMinor: milestone.amountMinor, currency: milestone.currency })}</span>
      </span>
    </li>
  );
}

/** "Contract activated" for the first revision (the contract itself), "Terms changed" or "Renewed" after. */
export function describeRevision(revision: Pick<HomeRevision, 'kind'>): string {
  if (revision.kind === 'activation') return 'Contract activated: acknowledge the terms';
  if (revision.kind === 'renewal') return 'Contract renewed: acknowledge the new dates';
  return 'Terms changed: acknowledge the change';
}

export function RevisionRow({ revision, href }: { revision: HomeRevision; href: string }) {
  return (
    <li className="flex flex-col gap-0.5 py-2">
      <TextLink href={href}>{revision.contractTitle}</TextLink>
      <span className="text-sm text-slate-700">{describeRevision(revision)}</span>
    </li>
  );
}
