import type { ReactNode } from 'react';

/*
 * A data table that stays a table for assistive technology at every width, and shows each row
 * as a card below the `lg` breakpoint (each cell then shows its column's name), so nothing
 * scrolls sideways at 360 px. The explicit roles keep the table semantics that some browsers
 * drop once the CSS display of table elements changes.
 */

export function Table({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noRedundantRoles: the role survives the display change on small screens
    <table role="table" aria-label={label} className="block w-full text-left lg:table lg:border-collapse">
      {children}
    </table>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noRedundantRoles: see Table
    <thead role="rowgroup" className="sr-only lg:not-sr-only lg:table-header-group">
      {/* biome-ignore lint/a11y/noRedundantRoles: see Table */}
      <tr role="row" className="border-b border-slate-300">
        {children}
      </tr>
    </thead>
  );
}

export function Th({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    // biome-ignore lint/a11y/noRedundantRoles: see Table
    <th role="columnheader" scope="col" className={`px-3 py-2 text-sm font-semibold text-slate-900 ${className}`.trim()}>
      {children}
    </th>
  );
}

export function TableBody({ children }: { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noRedundantRoles: see Table
    <tbody role="rowgroup" className="flex flex-col gap-3 lg:table-row-group">
      {children}
    </tbody>
  );
}

export function Tr({ children, highlight = false }: { children: ReactNode; highlight?: boolean }) {
  return (
    <tr
      // biome-ignore lint/a11y/noRedundantRoles: see Table
      role="row"
      className={`flex flex-col gap-1 rounded-lg border p-3 lg:table-row lg:rounded-none lg:border-0 lg:border-b lg:p-0 ${
        highlight ? 'border-red-300 bg-red-50/60 lg:border-b-slate-200' : 'border-slate-200 bg-white lg:border-b-slate-200'
      }`}
    >
      {children}
    </tr>
  );
}

export interface TdProps {
  children?: ReactNode;
  /** The column's name, shown before the value when rows are cards; omit for self-explaining cells. */
  label?: string;
  className?: string;
}

export function Td({ children, label, className = '' }: TdProps) {
  return (
    <td
      // biome-ignore lint/a11y/noRedundantRoles: see Table
      role="cell"
      data-label={label}
      className={`flex min-w-0 flex-wrap items-baseline gap-x-2 text-slate-800 lg:table-cell lg:px-3 lg:py-3 lg:align-top ${
        label
          ? 'before:w-24 before:shrink-0 before:text-sm before:font-medium before:text-slate-600 before:content-[attr(data-label)] lg:before:content-none'
          : ''
      } ${className}`.trim()}
    >
      {children}
    </td>
  );
}
