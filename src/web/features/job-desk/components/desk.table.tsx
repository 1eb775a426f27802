import { type RowSelectionState, type Updater, useTable } from '@tanstack/react-table';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { type ReactNode, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DeskSort } from '../../../../shared/schemas/job-desk.schema.ts';
import type { DeskJob } from '../api/list-desk-jobs.query.ts';
import { type DeskLinks, deskColumns, deskFeatures } from './desk.columns.tsx';
import type { ColumnVisibility } from './desk.preferences.ts';

/** From this many rows on, only the rows near the viewport are in the DOM (virtual rows). */
export const VIRTUAL_FROM = 100;

export interface DeskTableProps {
  rows: readonly DeskJob[];
  links: DeskLinks;
  sort: DeskSort;
  dir: 'asc' | 'desc';
  onSort: (sort: DeskSort, dir: 'asc' | 'desc') => void;
  visibility: ColumnVisibility;
  onVisibilityChange: (updater: Updater<ColumnVisibility>) => void;
  selection: RowSelectionState;
  onSelectionChange: (updater: Updater<RowSelectionState>) => void;
}

function SortButton({ label, active, dir, onPress }: { label: string; active: boolean; dir: 'asc' | 'desc'; onPress: () => void }) {
  const Icon = !active ? ArrowUpDown : dir === 'asc' ? ArrowUp : ArrowDown;
  return (
    <button
      type="button"
      onClick={onPress}
      className="inline-flex min-h-11 cursor-pointer items-center gap-1 font-semibold hover:underline"
    >
      {label}
      <Icon aria-hidden="true" className={`size-4 ${active ? '' : 'text-slate-500'}`} />
      <span className="sr-only">{active ? `, sorted ${dir === 'asc' ? 'ascending' : 'descending'}` : ', sort'}</span>
    </button>
  );
}

/**
 * The jobs table (TanStack Table): columns the person picked, server sorting from the headers,
 * a checkbox per row. At `lg` and wider it is a table that scrolls sideways when the columns do
 * not fit; narrower, each row is a card (its cells labelled). Long pages render only the rows
 * near the viewport (TanStack Virtual), with spacer rows keeping the scroll height.
 */
export function DeskTable({
  rows,
  links,
  sort,
  dir,
  onSort,
  visibility,
  onVisibilityChange,
  selection,
  onSelectionChange,
}: DeskTableProps) {
  const columns = useMemo(() => deskColumns(links), [links]);
  const data = rows as DeskJob[];
  const table = useTable({
    features: deskFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
    manualSorting: true,
    state: { columnVisibility: visibility, rowSelection: selection, sorting: [{ id: sort, desc: dir === 'desc' }] },
    onColumnVisibilityChange: onVisibilityChange,
    onRowSelectionChange: onSelectionChange,
    enableRowSelection: true,
  });
  const modelRows = table.getRowModel().rows;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    setOffset(bodyRef.current ? bodyRef.current.getBoundingClientRect().top + window.scrollY : 0);
  }, []);
  const virtual = modelRows.length >= VIRTUAL_FROM;
  const virtualizer = useWindowVirtualizer({
    count: modelRows.length,
    estimateSize: () => 64,
    overscan: 10,
    scrollMargin: offset,
    getItemKey: (index) => modelRows[index]?.id ?? index,
    enabled: virtual,
  });
  const items = virtual ? virtualizer.getVirtualItems() : modelRows.map((_, index) => ({ index, start: 0, end: 0 }));
  const before = virtual && items.length > 0 ? items[0]!.start - offset : 0;
  const after = virtual && items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)!.end - offset) : 0;
  const visibleColumns = table.getVisibleLeafColumns();
  const allSelected = modelRows.length > 0 && modelRows.every((row) => row.getIsSelected());

  const spacer = (height: number, key: string): ReactNode =>
    height > 0 ? (
      <tr key={key} className="block lg:table-row" style={{ height }}>
        <td colSpan={visibleColumns.length} />
      </tr>
    ) : null;

  return (
    <div className="lg:overflow-x-auto lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
      <table
        // biome-ignore lint/a11y/noRedundantRoles: the role survives the display change on small screens
        role="table"
        aria-label="Jobs"
        aria-rowcount={modelRows.length + 1}
        className="block w-full text-left lg:table lg:min-w-[60rem] lg:border-collapse"
      >
        {/* biome-ignore lint/a11y/noRedundantRoles: see above */}
        <thead role="rowgroup" className="sr-only lg:not-sr-only lg:table-header-group">
          {/* biome-ignore lint/a11y/noRedundantRoles: see above */}
          <tr role="row" aria-rowindex={1} className="border-b border-slate-300">
            {visibleColumns.map((column) => {
              const meta = column.columnDef.meta ?? {};
              const active = meta.sort !== undefined && meta.sort === sort && column.id !== 'job';
              const activeJob = column.id === 'job' && sort === 'site';
              const isActive = active || activeJob;
              return (
                <th
                  key={column.id}
                  // biome-ignore lint/a11y/noRedundantRoles: see above
                  role="columnheader"
                  scope="col"
                  aria-sort={meta.sort ? (isActive ? (dir === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}
                  className="whitespace-nowrap px-3 py-1 text-sm font-semibold text-slate-900"
                >
                  {column.id === 'select' ? (
                    <input
                      type="checkbox"
                      aria-label="Select every job on the page"
                      checked={allSelected}
                      onChange={(event) => table.toggleAllRowsSelected(event.target.checked)}
                      className="size-5 cursor-pointer accent-blue-700"
                    />
                  ) : meta.sort ? (
                    <SortButton
                      label={meta.label ?? column.id}
                      active={isActive}
                      dir={dir}
                      onPress={() => onSort(meta.sort!, isActive && dir === 'asc' ? 'desc' : 'asc')}
                    />
                  ) : (
                    (meta.label ?? column.id)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        {/* biome-ignore lint/a11y/noRedundantRoles: see above */}
        <tbody ref={bodyRef} role="rowgroup" className="flex flex-col gap-3 lg:table-row-group">
          {spacer(before, 'before')}
          {items.map((item) => {
            const row = modelRows[item.index]!;
            return (
              <tr
                key={row.id}
                // biome-ignore lint/a11y/noRedundantRoles: see above
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                ref={virtual ? virtualizer.measureElement : undefined}
                className={`flex flex-col gap-1 rounded-lg border p-3 lg:table-row lg:rounded-none lg:border-0 lg:border-b lg:p-0 ${
                  row.getIsSelected() ? 'border-blue-300 bg-blue-50' : 'border-slate-200 bg-white lg:border-b-slate-200'
                }`}
              >
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta ?? {};
                  const label =
                    cell.column.id === 'select' || cell.column.id === 'job' || cell.column.id === 'actions' ? undefined : meta.label;
                  return (
                    <td
                      key={cell.id}
                      // biome-ignore lint/a11y/noRedundantRoles: see above
                      role="cell"
                      data-label={label}
                      className={`flex min-w-0 flex-wrap items-baseline gap-x-2 text-slate-800 lg:table-cell lg:px-3 lg:py-2 lg:align-top ${
                        label
                          ? 'before:w-28 before:shrink-0 before:text-sm before:font-medium before:text-slate-600 before:content-[attr(data-label)] lg:before:content-none'
                          : ''
                      }`}
                    >
                      {cell.column.id === 'select' ? (
                        <input
                          type="checkbox"
                          aria-label={`Select job #${row.original.number} ${row.original.siteName}`}
                          checked={row.getIsSelected()}
                          onChange={(event) => row.toggleSelected(event.target.checked)}
                          className="size-5 cursor-pointer accent-blue-700"
                        />
                      ) : (
                        <table.FlexRender cell={cell} />
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {spacer(after, 'after')}
        </tbody>
      </table>
    </div>
  );
}
