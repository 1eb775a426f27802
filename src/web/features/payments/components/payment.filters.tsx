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
        options={[{ id: '', label: 'All contractors' }, ...contractorOptions]}
        value={filters.contractorId ?? ''}
        onChange={(value) => set({ contractorId: value || undefined })}
      />
      <TextField
        label="Currency"
        description="e.g. EUR"
        value={filters.currency ?? ''}
        onChange={(value) => {
          const code = value.toUpperCase().slice(0, 3);
          set({ currency: code.length === 3 ? code : undefined });
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
