import { Trash2 } from 'lucide-react';
import { lineAmountMinor, parseScaledDecimal } from '../../../../shared/domain/invoice.totals.ts';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formatMoney } from '../../../lib/format.intl.ts';
import { parseMoneyInput } from '../../../lib/money.input.ts';

/** A line as typed: texts in the person's locale, parsed exactly (quantity in thousandths, amounts in minor units). */
export interface LineDraft {
  key: string;
  description: string;
  quantity: string;
  unitAmount: string;
  milestoneId?: string;
}

export interface ParsedLine {
  description: string;
  quantityMilli: number | null;
  unitAmountMinor: number | null;
  amountMinor: number | null;
  milestoneId?: string;
}

export function parseLine(line: LineDraft, currency: string): ParsedLine {
  const quantityMilli = parseScaledDecimal(line.quantity, 3);
  const unit = parseMoneyInput(line.unitAmount, currency);
  const unitAmountMinor = unit.ok ? unit.amountMinor : null;
  const amountMinor =
    quantityMilli !== null && quantityMilli > 0 && unitAmountMinor !== null ? lineAmountMinor({ quantityMilli, unitAmountMinor }) : null;
  return { description: line.description.trim(), quantityMilli, unitAmountMinor, amountMinor, milestoneId: line.milestoneId };
}

export interface InvoiceLinesEditorProps {
  lines: LineDraft[];
  currency: string;
  onChange: (lines: LineDraft[]) => void;
  /** Server errors by line index ("lines.2.amountMinor" → 2). */
  errors: Record<number, string>;
}

/** The lines: description, quantity and unit amount typed in the locale; each amount computed live. */
export function InvoiceLinesEditor({ lines, currency, onChange, errors }: InvoiceLinesEditorProps) {
  const update = (key: string, patch: Partial<LineDraft>) => onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-2 font-semibold">Lines</legend>
      {lines.map((line, index) => {
        const parsed = parseLine(line, currency);
        const fromMilestone = Boolean(line.milestoneId);
        return (
          <div key={line.key} className="grid grid-cols-1 gap-2 rounded border border-slate-300 p-3 sm:grid-cols-[1fr_7rem_9rem_auto]">
            <TextField
              label={`Line ${index + 1}: description`}
              value={line.description}
              onChange={(description) => update(line.key, { description })}
              maxLength={500}
              isRequired
            />
            <TextField
              label="Quantity"
              value={line.quantity}
              onChange={(quantity) => update(line.key, { quantity })}
              inputMode="decimal"
              isReadOnly={fromMilestone}
              errorMessage={line.quantity && parsed.quantityMilli === null ? 'Up to 3 decimals.' : undefined}
            />
            <TextField
              label={`Unit amount (${currency})`}
              value={line.unitAmount}
              onChange={(unitAmount) => update(line.key, { unitAmount })}
              inputMode="decimal"
              isReadOnly={fromMilestone}
              errorMessage={line.unitAmount && parsed.unitAmountMinor === null ? parseMoneyErrorOf(line.unitAmount, currency) : undefined}
            />
            <div className="flex items-end justify-between gap-2 sm:flex-col sm:items-end">
              <output aria-label={`Line ${index + 1} amount`} className="font-medium">
                {parsed.amountMinor !== null ? formatMoney({ amountMinor: parsed.amountMinor, currency }) : '—'}
              </output>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove line ${index + 1}`}
                onPress={() => onChange(lines.filter((l) => l.key !== line.key))}
              >
                <Trash2 aria-hidden className="size-4" />
              </Button>
            </div>
            {fromMilestone ? <p className="text-sm text-slate-600 sm:col-span-4">For an approved milestone: its approved amount.</p> : null}
            {errors[index] ? (
              <p role="alert" className="text-sm text-red-700 sm:col-span-4">
                {errors[index]}
              </p>
            ) : null}
          </div>
        );
      })}
      <div>
        <Button
          variant="secondary"
          onPress={() => onChange([...lines, { key: crypto.randomUUID(), description: '', quantity: '1', unitAmount: '' }])}
          isDisabled={lines.length >= 100}
        >
          Add a line
        </Button>
      </div>
    </fieldset>
  );
}

function parseMoneyErrorOf(text: string, currency: string): string {
  const parsed = parseMoneyInput(text, currency);
  return parsed.ok ? '' : parsed.message;
}
