import { ListChecks } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import type { SelectOption } from '../../../components/ui/select.tsx';
import { UrlTabs } from '../../../components/ui/tabs.tsx';
import { toastError } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { useBulkApprove } from '../api/bulk-approve.mutation.ts';
import { useMilestones } from '../api/list-milestones.query.ts';
import type { MilestoneFilters } from '../api/milestone.keys.ts';
import type { Milestone } from '../api/milestone.types.ts';
import { hasMilestoneFilters, MilestoneFiltersBar } from './milestone.filters.tsx';
import { MilestoneTable, type RowOutcome } from './milestone-table.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

export interface MilestonesPageProps {
  filters: MilestoneFilters;
  onFiltersChange: (filters: MilestoneFilters) => void;
  detailHref: (id: string) => string;
  contractorOptions: readonly SelectOption[];
  contractOptions: readonly SelectOption[];
}

const tabs = [
  { id: 'pending', label: 'Pending' },
  { id: 'approved', label: 'Approved' },
] as const;

interface BulkReport {
  outcomes: Map<string, RowOutcome>;
  lines: Array<{ id: string; title: string; ok: boolean; detail: string | null }>;
}

function isReadyToApprove(milestone: Milestone): boolean {
  return milestone.status === 'submitted' && milestone.abilities.approve;
}

function MilestoneList({ filters, onFiltersChange, detailHref }: Omit<MilestonesPageProps, 'contractorOptions' | 'contractOptions'>) {
  const milestones = useMilestones(filters);
  const bulk = useBulkApprove();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [report, setReport] = useState<BulkReport | null>(null);
  const items = useMemo(() => milestones.data?.pages.flatMap((page) => page.items) ?? [], [milestones.data]);
  const selectable = items.filter(isReadyToApprove);
  // Only rows still on screen and still approvable count as selected.
  const chosen = selectable.filter((m) => selected.has(m.id));

  if (milestones.isPending) return <LoadingState label="Loading milestones…" />;
  if (milestones.isError) return <ErrorState error={milestones.error} onRetry={() => void milestones.refetch()} />;

  const approveSelected = () => {
    const titles = new Map(chosen.map((m) => [m.id, m.title]));
    bulk.mutate(
      chosen.map((m) => m.id),
      {
        onSuccess: ({ results }) => {
          setConfirming(false);
          setSelected(new Set());
          setReport({
            outcomes: new Map(results.map((r) => [r.id, { ok: r.ok, detail: r.detail }])),
            lines: results.map((r) => ({ id: r.id, title: titles.get(r.id) ?? 'Milestone', ok: r.ok, detail: r.detail })),
          });
        },
        onError: (error) => {
          setConfirming(false);
          toastError('Could not approve the milestones', describeError(error));
        },
      },
    );
  };

  const approved = report?.lines.filter((l) => l.ok).length ?? 0;
  const failed = report ? report.lines.length - approved : 0;

  return (
    <div className="flex flex-col gap-4">
      {report ? (
        <Alert
          tone={failed === 0 ? 'success' : approved === 0 ? 'error' : 'warning'}
          title={
            failed === 0
              ? approved === 1
                ? '1 milestone approved; a draft payment was created'
                : `${approved} milestones approved; a draft payment was created for each`
              : `${approved} approved, ${failed} not approved`
          }
          action={
            <Button variant="secondary" size="sm" onPress={() => setReport(null)}>
              Dismiss
            </Button>
          }
        >
          <ul className="mt-1 flex flex-col gap-1">
            {report.lines.map((line) => (
              <li key={line.id}>
                <span className="font-medium">{line.title}</span>:{' '}
                {line.ok ? 'approved, draft payment created' : `not approved (${line.detail ?? 'unknown error'})`}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      {filters.view === 'pending' && selectable.length > 0 ? (
        <div className="flex flex-col gap-2 rounded-lg border border-blue-200 bg-blue-50 p-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-slate-800" aria-live="polite">
            {chosen.length === 0
              ? `${selectable.length} ready for review. Select the ones to approve.`
              : `${chosen.length} of ${selectable.length} ready for review selected.`}
          </p>
          <ConfirmDialog
            title={`Approve ${chosen.length} ${chosen.length === 1 ? 'milestone' : 'milestones'}?`}
            message="Each approval creates a draft payment for the milestone's amount, and the contractor is told."
            confirmLabel="Approve"
            tone="primary"
            isOpen={confirming}
            onOpenChange={setConfirming}
            isPending={bulk.isPending}
            onConfirm={approveSelected}
            trigger={<Button isDisabled={chosen.length === 0}>Approve selected{chosen.length > 0 ? ` (${chosen.length})` : ''}</Button>}
          />
        </div>
      ) : null}

      {items.length === 0 ? (
        hasMilestoneFilters(filters) ? (
          <EmptyState
            title="Nothing matches these filters"
            description="Try other filters, or clear them."
            action={
              <Button variant="secondary" onPress={() => onFiltersChange({ view: filters.view })}>
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={ListChecks}
            title={filters.view === 'approved' ? 'No approved milestones yet' : 'No pending milestones'}
            description={
              filters.view === 'approved'
                ? 'When you approve a milestone, it moves here with its draft payment.'
                : 'Add milestones to a contract; they show here until they are approved.'
            }
          />
        )
      ) : (
        <MilestoneTable
          label={filters.view === 'approved' ? 'Approved milestones' : 'Pending milestones'}
          items={items}
          detailHref={detailHref}
          showContractor
          showContract
          outcomes={report?.outcomes}
          selection={
            filters.view === 'pending'
              ? {
                  selected,
                  isSelectable: isReadyToApprove,
                  onToggle: (id, on) =>
                    setSelected((current) => {
                      const next = new Set(current);
                      if (on) next.add(id);
                      else next.delete(id);
                      return next;
                    }),
                  onToggleAll: (on) => setSelected(on ? new Set(selectable.map((m) => m.id)) : new Set()),
                }
              : undefined
          }
        />
      )}

      <LoadMore query={milestones} />
    </div>
  );
}

/** The company's milestones across its contractors: Pending and Approved, by due date. */
export function MilestonesPage({ filters, onFiltersChange, detailHref, contractorOptions, contractOptions }: MilestonesPageProps) {
  return (
    <>
      <PageHeader
        title="Milestones"
        description="What your contractors deliver, by due date. Review submitted work, approve it (a draft payment is created) or ask for changes."
      />
      <UrlTabs
        label="Milestone lists"
        tabs={tabs}
        selected={filters.view === 'approved' ? 'approved' : 'pending'}
        onChange={(view) =>
          onFiltersChange({ ...filters, view: view === 'approved' ? 'approved' : 'pending', status: undefined, overdue: undefined })
        }
      >
        <div className="flex flex-col gap-4">
          <MilestoneFiltersBar
            filters={filters}
            onChange={onFiltersChange}
            contractorOptions={contractorOptions}
            contractOptions={contractOptions}
          />
          <MilestoneList key={filters.view} filters={filters} onFiltersChange={onFiltersChange} detailHref={detailHref} />
        </div>
      </UrlTabs>
    </>
  );
}
