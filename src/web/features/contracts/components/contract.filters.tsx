import { type ContractStatus, contractStatuses } from '../../../../shared/domain/contract.machine.ts';
import { NativeSelectField } from '../../../components/ui/native-select.tsx';
import { NativeTextField } from '../../../components/ui/native-text-field.tsx';
import { useUrlSearch } from '../../../lib/use-url-search.ts';
import type { ContractFilters } from '../api/contract.keys.ts';
import { contractStatusOptions } from './contract-status.badge.tsx';

function toStatus(value: string | null): ContractStatus | undefined {
  return contractStatuses.find((status) => status === value);
}

/** Status and a search in the titles; both live in the URL. */
export function ContractFiltersBar({ filters, onChange }: { filters: ContractFilters; onChange: (filters: ContractFilters) => void }) {
  const [text, setText] = useUrlSearch(filters.q, (q) => onChange({ ...filters, q }));

  return (
    <search className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
      <NativeTextField label="Search contracts" type="search" value={text} onChange={setText} className="sm:w-72" />
      <NativeSelectField
        label="Status"
        options={contractStatusOptions}
        value={filters.status ?? 'all'}
        onChange={(value) => onChange({ ...filters, status: toStatus(value) })}
        className="sm:w-48"
      />
    </search>
  );
}
