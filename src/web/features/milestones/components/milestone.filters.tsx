import { SlidersHorizontal } from 'lucide-react';
import { useId, useState } from 'react';
import {
  approvedMilestoneStatuses,
  type MilestoneStatus,
  milestoneStatusLabels,
  pendingMilestoneStatuses,
} from '../../../../shared/domain/milestone.machine.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { NativeSelectField } from '../../../components/ui/native-select.tsx';
import type { SelectOption } from '../../../components/ui/select.tsx';
import { NativeTextField } from '../../../components/ui/native-text-field.tsx';
import type { MilestoneFilters } from '../api/milestone.keys.ts';

export interface MilestoneFiltersBarProps {
  filters: MilestoneFilters;
  onChange: (filters: MilestoneFilters) => void;
  contractorOptions: readonly SelectOption[];
  contractOptions: readonly SelectOption[];
}

const ALL = 'all';

function statusesOf(view: MilestoneFilters['view']): readonly MilestoneStatus[] {
  return view === 'approved'
    ? approvedMilestoneStatuses
    : view === 'pending'
      ? pendingMilestoneStatuses
      : [...pendingMilestoneStatuses, ...approvedMilestoneStatuses];
}

export function hasMilestoneFilters(filters: MilestoneFilters): boolean {
  return Boolean(filters.status || filters.contractorId || filters.contractId || filters.dueFrom || filters.dueTo || filters.overdue);
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Contractor, contract, status, due dates and "overdue only"; every value lives in the URL. */
export function MilestoneFiltersBar({ filters, onChange, contractorOptions, contractOptions }: MilestoneFiltersBarProps) {
  const statuses = statusesOf(filters.view);
  const set = (change: Partial<MilestoneFilters>) => onChange({ ...filters, ...change });
  // On a phone the filters fold away behind a button; from `sm` up they are always shown.
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const active = [filters.status, filters.contractorId, filters.contractId, filters.dueFrom, filters.dueTo, filters.overdue].filter(
    Boolean,
  ).length;
  return (
    <search aria-label="Filter milestones" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <Button variant="secondary" className="sm:hidden" aria-expanded={open} aria-controls={panelId} onPress={() => setOpen(!open)}>
        <SlidersHorizontal aria-hidden="true" className="size-4" />
        {open ? 'Hide filters' : 'Show filters'}
        {active > 0 ? ` (${active} on)` : ''}
      </Button>
      <div id={panelId} className={`${open ? 'grid' : 'hidden'} gap-3 sm:grid sm:grid-cols-2 lg:grid-cols-3`}>
        <NativeSelectField
          label="Contractor"
          options={[{ id: ALL, label: 'All contractors' }, ...contractorOptions]}
          value={filters.contractorId ?? ALL}
          onChange={(value) => set({ contractorId: value && value !== ALL ? value : undefined })}
        />
        <NativeSelectField
          label="Contract"
          options={[{ id: ALL, label: 'All contracts' }, ...contractOptions]}
          value={filters.contractId ?? ALL}
          onChange={(value) => set({ contractId: value && value !== ALL ? value : undefined })}
        />
        <NativeSelectField
          label="Status"
          options={[{ id: ALL, label: 'Any status' }, ...statuses.map((s) => ({ id: s, label: milestoneStatusLabels[s] }))]}
          value={filters.status && statuses.includes(filters.status) ? filters.status : ALL}
          onChange={(value) => set({ status: statuses.find((s) => s === value) })}
        />
        <NativeTextField
          label="Due from"
          type="date"
          value={filters.dueFrom ?? ''}
          onChange={(value) => set({ dueFrom: isDay(value) ? value : undefined })}
        />
        <NativeTextField
          label="Due until"
          type="date"
          value={filters.dueTo ?? ''}
          onChange={(value) => set({ dueTo: isDay(value) ? value : undefined })}
        />
        {filters.view === 'pending' ? (
          <div className="flex items-end">
            <Checkbox
              isSelected={filters.overdue === true}
              onChange={(overdue) => set({ overdue: overdue || undefined })}
              description="Past their due date and not approved yet."
            >
              Overdue only
            </Checkbox>
          </div>
        ) : null}
      </div>
      {hasMilestoneFilters(filters) ? (
        <div>
          <Button variant="secondary" size="sm" onPress={() => onChange({ view: filters.view })}>
            Clear filters
          </Button>
        </div>
      ) : null}
    </search>
  );
}
