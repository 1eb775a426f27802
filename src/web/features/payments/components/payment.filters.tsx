import { Button } from '../../../components/ui/button.tsx';
import { type SelectOption, SelectField } from '../../../components/ui/select.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import type { PaymentFilters } from '../api/payment.keys.ts';

export function hasPaymentFilters(filters: PaymentFilters): boolean {
  return Boolean(filters.contractorId || filters.currency || filters.from || filters.to);
}

const day = /^\d{4}-\d{2}-\d{2}$/;

/** Contractor, currency and date range: each change goes to the URL at once. */
export function PaymentFiltersBar({
  filters,
  onChange,
  contractorOptions,
}: {
  filters: PaymentFilters;
  onChange: (filters: PaymentFilters) => void;
  contractorOptions: readonly SelectOption[];
}) {
  const set = (change: Partial<PaymentFilters>) => onChange({ ...filters, ...change });
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
      <SelectField
        label="Contractor"
        options={[{ id: 'all', label: 'All contractors' }, ...contractorOptions]}
        value={filters.contractorId ?? 'all'}
        onChange={(value) => set({ contractorId: value && value !== 'all' ? value : undefined })}
      />
      <TextField
        label="Currency"
        description="e.g. EUR"
        defaultValue={filters.currency ?? ''}
        maxLength={3}
        onChange={(value) => {
          const code = value.trim().toUpperCase();
          if (code.length === 3 || code.length === 0) set({ currency: code || undefined });
        }}
      />
      <TextField
        label="From"
        description="YYYY-MM-DD"
        defaultValue={filters.from ?? ''}
        onChange={(value) => (value === '' || day.test(value) ? set({ from: value || undefined }) : undefined)}
      />
      <TextField
        label="To"
        description="YYYY-MM-DD"
        defaultValue={filters.to ?? ''}
        onChange={(value) => (value === '' || day.test(value) ? set({ to: value || undefined }) : undefined)}
      />
      {hasPaymentFilters(filters) ? (
        <Button variant="secondary" onPress={() => onChange({ status: filters.status })}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
