import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatMoney } from '../../../lib/format.intl.ts';
import { formatMoneyInput, parseMoneyInput } from '../../../lib/money.input.ts';
import { isStaleVersion } from '../../../lib/use-stale-version.ts';
import { useFourEyes, useUpdateFourEyes } from '../api/four-eyes.query.ts';
import type { FourEyes } from '../api/payment.types.ts';

interface Row {
  id: number;
  currency: string;
  amount: string;
}

let rowIds = 0;
const nextRowId = () => {
  rowIds += 1;
  return rowIds;
};

function FourEyesForm({ rule }: { rule: FourEyes }) {
  const [enabled, setEnabled] = useState(rule.enabled);
  const [rows, setRows] = useState<Row[]>(
    rule.thresholds.length > 0
      ? rule.thresholds.map((t) => ({ id: nextRowId(), currency: t.currency, amount: formatMoneyInput(t.minAmountMinor, t.currency) }))
      : [{ id: nextRowId(), currency: 'EUR', amount: '' }],
  );
  const [errors, setErrors] = useState<Record<number, string>>({});
  const save = useUpdateFourEyes();
  const canEdit = rule.abilities.update;
  const submit = () => {
    const found: Record<number, string> = {};
    const thresholds = rows.flatMap((row, i) => {
      if (!row.amount.trim()) return [];
      const parsed = parseMoneyInput(row.amount, row.currency);
      if (!parsed.ok) {
        found[i] = parsed.message;
        return [];
      }
      return [{ currency: row.currency, minAmountMinor: parsed.amountMinor }];
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { enabled, thresholds, version: rule.version },
      {
        onSuccess: () => toastSuccess('Four-eyes rule saved'),
        onError: (e) =>
          toastError(
            isStaleVersion(e) ? 'Someone changed this rule meanwhile; reload and apply your change again.' : 'Not saved',
            describeError(e),
          ),
      },
    );
  };
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Checkbox isSelected={enabled} onChange={setEnabled} isDisabled={!canEdit} description="Off by default.">
        Ask a second person to approve large payments before they are sent
      </Checkbox>
      <fieldset className="flex flex-col gap-3" disabled={!canEdit}>
        <legend className="mb-1 text-sm font-medium text-slate-900">Thresholds: payments at or above need a second approval</legend>
        {rows.map((row, i) => (
          <div key={row.id} className="grid gap-3 sm:grid-cols-[8rem_1fr]">
            <TextField
              label={`Currency ${i + 1}`}
              value={row.currency}
              isReadOnly={!canEdit}
              onChange={(v) => setRows((all) => all.map((r, j) => (j === i ? { ...r, currency: v.toUpperCase().slice(0, 3) } : r)))}
            />
            <TextField
              label={`Threshold ${i + 1}`}
              value={row.amount}
              isReadOnly={!canEdit}
              inputMode="decimal"
              errorMessage={errors[i]}
              onChange={(v) => setRows((all) => all.map((r, j) => (j === i ? { ...r, amount: v } : r)))}
            />
          </div>
        ))}
      </fieldset>
      {canEdit ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => setRows((all) => [...all, { id: nextRowId(), currency: 'USD', amount: '' }])}>
            Add a currency
          </Button>
          <Button type="submit" isDisabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </Button>
        </div>
      ) : (
        <Alert tone="info" title="Owners and admins set this rule">
          {rule.enabled
            ? `On: ${rule.thresholds.map((t) => formatMoney({ amountMinor: t.minAmountMinor, currency: t.currency })).join(', ') || 'no thresholds yet'}.`
            : 'Off.'}
        </Alert>
      )}
    </form>
  );
}

/** The organization's four-eyes rule for payments, on the settings page. */
export function FourEyesSection() {
  const rule = useFourEyes();
  return (
    <Section
      title="Payments: four-eyes rule"
      description="A second staff member (owner, admin or finance, not the one who created it) approves large payments; the one who approves does not send."
    >
      <QueryView query={rule} loadingLabel="Loading the rule…">
        {(data) => <FourEyesForm key={data.version} rule={data} />}
      </QueryView>
    </Section>
  );
}
