import { useEffect, useRef, useState } from 'react';
import { type ContractStatus, contractStatuses } from '../../../../shared/domain/contract.machine.ts';
import { SelectField } from '../../../components/ui/select.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import type { ContractFilters } from '../api/contract.keys.ts';
import { contractStatusOptions } from './contract-status.badge.tsx';

function toStatus(value: string | null): ContractStatus | undefined {
  return contractStatuses.find((status) => status === value);
}

/** Status and a search in the titles; both live in the URL. */
export function ContractFiltersBar({ filters, onChange }: { filters: ContractFilters; onChange: (filters: ContractFilters) => void }) {
  const [text, setText] = useState(filters.q ?? '');
  const pushed = useRef(filters.q);

  // Follow the URL (back button, "Clear filters"), but not the echo of what was just typed.
  useEffect(() => {
    if (filters.q !== pushed.current) {
      pushed.current = filters.q;
      setText(filters.q ?? '');
    }
  }, [filters.q]);

  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === filters.q) return;
    const timer = window.setTimeout(() => {
      pushed.current = q;
      onChange({ ...filters, q });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [text, filters, onChange]);

  return (
    <search className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
      <TextField label="Search contracts" type="search" value={text} onChange={setText} className="sm:w-72" />
      <SelectField
        label="Status"
        options={contractStatusOptions}
        value={filters.status ?? 'all'}
        onChange={(value) => onChange({ ...filters, status: toStatus(value) })}
        className="sm:w-48"
      />
    </search>
  );
}
