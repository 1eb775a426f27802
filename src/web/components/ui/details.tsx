import type { ReactNode } from 'react';

export interface DetailItem {
  label: string;
  value: ReactNode;
}

/** Label/value pairs (a description list) that stack on a phone and line up on wider screens. */
export function Details({ items }: { items: readonly DetailItem[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[minmax(8rem,max-content)_1fr] sm:gap-y-3">
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="mt-2 font-medium text-slate-900 sm:mt-0">{item.label}</dt>
          <dd className="min-w-0 break-words text-slate-700">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
