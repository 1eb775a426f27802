import type { RowSelectionState } from '@tanstack/react-table';
import { ClipboardList } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { DESK_BULK_MAX, DESK_COUNT_CAP, type DeskSort } from '../../../../shared/schemas/job-desk.schema.ts';
import { type DeskSearch, deskFilterOf, hasDeskFilters } from '../../../app/desk.search.ts';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { useDeskOptions } from '../api/desk-options.query.ts';
import { useDeskJobs } from '../api/list-desk-jobs.query.ts';
import type { DeskSelection } from '../api/technician-flags.query.ts';
import { type BulkAction, DeskBulkDialog } from './desk.bulk-dialog.tsx';
import { DeskBulkReport, type ReportState } from './desk.bulk-report.tsx';
import type { DeskLinks } from './desk.columns.tsx';
import { DeskColumnPicker } from './desk.column-picker.tsx';
import { DeskFilters } from './desk.filters.tsx';
import { useColumnPreferences } from './desk.preferences.ts';
import { DeskTable } from './desk.table.tsx';

export interface DeskPageProps {
  search: DeskSearch;
  onSearchChange: (search: DeskSearch) => void;
  links: DeskLinks;
  /** Whose column choice to remember (this browser, per user). */
  userId: string;
}

function countLabel(total: { count: number; more: boolean }): string {
  return total.more ? `${DESK_COUNT_CAP.toLocaleString()}+` : total.count.toLocaleString();
}

/**
 * The contractor's desk view: every job of every organization that engages the contractor, in
 * a table the person shapes (columns, sort, filters and search, all but the columns kept in the
 * URL), with bulk actions on the rows picked or on every row matching the filter.
 */
export function DeskPage({ search, onSearchChange, links, userId }: DeskPageProps) {
  const jobs = useDeskJobs(search);
  const options = useDeskOptions();
  const [visibility, setVisibility] = useColumnPreferences(userId);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);
  const [action, setAction] = useState<BulkAction | null>(null);
  const [report, setReport] = useState<ReportState | null>(null);
  const rows = useMemo(() => jobs.data?.pages.flatMap((page) => page.items) ?? [], [jobs.data]);
  const total = jobs.data?.pages[0]?.total ?? null;
  const filterKey = JSON.stringify(deskFilterOf(search));
  // Another filter is another set of rows: what was picked no longer applies.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter's value is the trigger
  useEffect(() => {
    setSelection({});
    setAllMatching(false);
  }, [filterKey]);

  const pickedIds = rows.filter((row) => selection[row.id]).map((row) => row.id);
  const picked: DeskSelection | null = allMatching ? { filter: deskFilterOf(search) } : pickedIds.length > 0 ? { ids: pickedIds } : null;
  const pickedCount = allMatching ? (total?.count ?? 0) : pickedIds.length;
  const everyLoadedPicked = rows.length > 0 && pickedIds.length === rows.length;
  const canPickAll = total !== null && !total.more && total.count > rows.length && total.count <= DESK_BULK_MAX;

  const sortBy = (sort: DeskSort, dir: 'asc' | 'desc') => onSearchChange({ ...search, sort, dir });

  return (
    <>
      <PageHeader
        title="Jobs"
        description="Every job from every organization you work for. Pick columns, sort, filter, and act on many jobs at once."
        actions={<DeskColumnPicker visibility={visibility} onChange={setVisibility} />}
      />
      <div className="flex flex-col gap-4">
        <DeskFilters
          search={search}
          onChange={onSearchChange}
          organizations={options.data?.organizations ?? []}
          technicians={options.data?.technicians ?? []}
        />
        {report ? <DeskBulkReport report={report} rows={rows} onDismiss={() => setReport(null)} /> : null}
        {jobs.isPending ? (
          <LoadingState label="Loading jobs…" />
        ) : jobs.isError ? (
          <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : rows.length === 0 ? (
          hasDeskFilters(search) ? (
            <EmptyState
              icon={ClipboardList}
              title="No job matches these filters"
              description="Change or clear the filters to see more jobs."
              action={
                <Button variant="secondary" onPress={() => onSearchChange({ sort: search.sort, dir: search.dir })}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={ClipboardList}
              title="No jobs yet"
              description="When an organization you work for assigns you a job, it appears here to accept, schedule and complete."
            />
          )
        ) : (
          <>
            <div
              className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:flex-row sm:items-center sm:justify-between"
              aria-live="polite"
            >
              <p className="text-slate-800">
                {pickedCount > 0
                  ? `${pickedCount.toLocaleString()} ${pickedCount === 1 ? 'job' : 'jobs'} selected${allMatching ? ' (every job that matches)' : ''}.`
                  : `${total ? countLabel(total) : rows.length} ${total?.count === 1 ? 'job' : 'jobs'}; ${rows.length.toLocaleString()} shown.`}
                {everyLoadedPicked && !allMatching && canPickAll ? (
                  <Button variant="ghost" size="sm" onPress={() => setAllMatching(true)}>
                    Select all {total.count.toLocaleString()} that match
                  </Button>
                ) : null}
                {everyLoadedPicked && !allMatching && total && (total.more || total.count > DESK_BULK_MAX) ? (
                  <span className="text-sm text-slate-700">
                    {' '}
                    More than {DESK_BULK_MAX.toLocaleString()} match: narrow the filter to act on all of them.
                  </span>
                ) : null}
                {allMatching ? (
                  <Button variant="ghost" size="sm" onPress={() => setAllMatching(false)}>
                    Only the jobs picked
                  </Button>
                ) : null}
              </p>
              <div className="flex flex-wrap gap-2">
                <Button size="sm" isDisabled={!picked} onPress={() => setAction('staff')}>
                  Assign technicians / date
                </Button>
                <Button size="sm" variant="secondary" isDisabled={!picked} onPress={() => setAction('accept')}>
                  Accept
                </Button>
                <Button size="sm" variant="secondary" isDisabled={!picked} onPress={() => setAction('reject')}>
                  Reject
                </Button>
              </div>
            </div>
            <DeskTable
              rows={rows}
              links={links}
              sort={search.sort ?? 'due'}
              dir={search.dir ?? 'asc'}
              onSort={sortBy}
              visibility={visibility}
              onVisibilityChange={setVisibility}
              selection={selection}
              onSelectionChange={(updater) => {
                setAllMatching(false);
                setSelection((old) => (typeof updater === 'function' ? updater(old) : updater));
              }}
            />
            <LoadMore query={jobs} />
          </>
        )}
      </div>
      {action && picked ? (
        <DeskBulkDialog
          action={action}
          selection={picked}
          count={pickedCount}
          onClose={() => setAction(null)}
          onDone={(result) => {
            setAction(null);
            setSelection({});
            setAllMatching(false);
            setReport({ action, result });
          }}
        />
      ) : null}
    </>
  );
}
