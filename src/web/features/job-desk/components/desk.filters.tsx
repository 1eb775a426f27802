import { SlidersHorizontal } from 'lucide-react';
import { useCallback, useId, useState } from 'react';
import { jobStatuses, jobStatusLabels } from '../../../../shared/domain/job.machine.ts';
import { type DeskSearch, hasDeskFilters } from '../../../app/desk.search.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { SelectField } from '../../../components/ui/select.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useUrlSearch } from '../../../lib/use-url-search.ts';
import type { DeskOption } from '../api/desk-options.query.ts';

export interface DeskFiltersProps {
  search: DeskSearch;
  onChange: (search: DeskSearch) => void;
  organizations: readonly DeskOption[];
  technicians: readonly DeskOption[];
}

const ALL = 'all';
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Search, status, organization, technician, due dates, scheduled or not, overdue, needs action: every value lives in the URL. */
export function DeskFilters({ search, onChange, organizations, technicians }: DeskFiltersProps) {
  const set = (change: Partial<DeskSearch>) => onChange({ ...search, ...change });
  const onSearch = useCallback((q: string | undefined) => onChange({ ...search, q }), [onChange, search]);
  const [text, setText] = useUrlSearch(search.q, onSearch);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const statuses = new Set(search.status ?? []);
  const toggleStatus = (status: (typeof jobStatuses)[number], on: boolean) => {
    const next = jobStatuses.filter((s) => (s === status ? on : statuses.has(s)));
    set({ status: next.length > 0 ? next : undefined });
  };
  return (
    <search aria-label="Filter jobs" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <TextField
        label="Search site, address, PO number or description"
        type="search"
        value={text}
        onChange={setText}
        description="Each word matches the beginning of a word."
      />
      <Button variant="secondary" className="sm:hidden" aria-expanded={open} aria-controls={panelId} onPress={() => setOpen(!open)}>
        <SlidersHorizontal aria-hidden="true" className="size-4" />
        {open ? 'Hide filters' : 'Show filters'}
      </Button>
      <div id={panelId} className={`${open ? 'grid' : 'hidden'} gap-3 sm:grid sm:grid-cols-2 lg:grid-cols-4`}>
        <SelectField
          label="Organization"
          options={[{ id: ALL, label: 'All organizations' }, ...organizations]}
          value={search.organizationId ?? ALL}
          onChange={(value) => set({ organizationId: value && value !== ALL ? value : undefined })}
        />
        <SelectField
          label="Technician"
          options={[{ id: ALL, label: 'Any technician' }, ...technicians]}
          value={search.technicianId ?? ALL}
          onChange={(value) => set({ technicianId: value && value !== ALL ? value : undefined })}
        />
        <TextField
          label="Due from"
          type="date"
          value={search.dueFrom ?? ''}
          onChange={(value) => set({ dueFrom: isDay(value) ? value : undefined })}
        />
        <TextField
          label="Due to"
          type="date"
          value={search.dueTo ?? ''}
          onChange={(value) => set({ dueTo: isDay(value) ? value : undefined })}
        />
        <SelectField
          label="Scheduled"
          options={[
            { id: ALL, label: 'Scheduled or not' },
            { id: 'true', label: 'Scheduled' },
            { id: 'false', label: 'Not scheduled' },
          ]}
          value={search.scheduled ?? ALL}
          onChange={(value) => set({ scheduled: value === 'true' || value === 'false' ? value : undefined })}
        />
        <div className="flex flex-col justify-end">
          <Checkbox isSelected={Boolean(search.overdue)} onChange={(on) => set({ overdue: on ? true : undefined })}>
            Overdue only
          </Checkbox>
          <Checkbox isSelected={Boolean(search.needsAction)} onChange={(on) => set({ needsAction: on ? true : undefined })}>
            Needs action from us
          </Checkbox>
        </div>
        <fieldset className="sm:col-span-2 lg:col-span-4">
          <legend className="text-sm font-medium text-slate-900">Status</legend>
          <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-3 lg:grid-cols-6">
            {jobStatuses.map((status) => (
              <Checkbox key={status} isSelected={statuses.has(status)} onChange={(on) => toggleStatus(status, on)}>
                {jobStatusLabels[status]}
              </Checkbox>
            ))}
          </div>
        </fieldset>
      </div>
      {hasDeskFilters(search) ? (
        <div>
          <Button variant="ghost" size="sm" onPress={() => onChange({ sort: search.sort, dir: search.dir })}>
            Clear filters
          </Button>
        </div>
      ) : null}
    </search>
  );
}
