import { engagementStatuses, type EngagementStatus } from '../../../../shared/domain/roles.ts';
import { NativeSelectField } from '../../../components/ui/native-select.tsx';
import { NativeTextField } from '../../../components/ui/native-text-field.tsx';
import { useUrlSearch } from '../../../lib/use-url-search.ts';
import type { EngagementFilters } from '../api/engagement.keys.ts';
import { statusOptions } from './engagement-status.badge.tsx';

export interface EngagementFiltersProps {
  filters: EngagementFilters;
  onChange: (filters: EngagementFilters) => void;
  searchLabel: string;
}

function toStatus(value: string | null): EngagementStatus | undefined {
  return engagementStatuses.find((status) => status === value);
}

/** Status and text search; the values live in the URL, so a filtered list can be shared. */
export function EngagementFiltersBar({ filters, onChange, searchLabel }: EngagementFiltersProps) {
  const [text, setText] = useUrlSearch(filters.q, (q) => onChange({ ...filters, q }));

  return (
    <search className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
      <NativeTextField label={searchLabel} type="search" value={text} onChange={setText} className="sm:w-72" />
      <NativeSelectField
        label="Status"
        options={statusOptions}
        value={filters.status ?? 'all'}
        onChange={(value) => onChange({ ...filters, status: toStatus(value) })}
        className="sm:w-48"
      />
    </search>
  );
}
