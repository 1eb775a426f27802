import { Columns3 } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import type { ColumnVisibility } from './desk.preferences.ts';

/** The columns a person may hide or show (the job, selection and actions always stay). */
export const pickableColumns = [
  ['address', 'Address'],
  ['organization', 'Organization'],
  ['status', 'Status'],
  ['priority', 'Priority'],
  ['due', 'Due'],
  ['scheduled', 'Scheduled'],
  ['technicians', 'Technicians'],
  ['po', 'PO'],
  ['description', 'Description'],
  ['created', 'Created'],
] as const;

/** A disclosure with a checkbox per column; the choice is remembered in this browser. */
export function DeskColumnPicker({ visibility, onChange }: { visibility: ColumnVisibility; onChange: (next: ColumnVisibility) => void }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="relative">
      <Button variant="secondary" aria-expanded={open} aria-controls={panelId} onPress={() => setOpen(!open)}>
        <Columns3 aria-hidden="true" className="size-4" />
        Columns
      </Button>
      {open ? (
        <fieldset
          id={panelId}
          className="absolute right-0 z-20 mt-2 flex w-64 flex-col rounded-lg border border-slate-300 bg-white p-3 shadow-lg"
        >
          <legend className="sr-only">Columns to show</legend>
          {pickableColumns.map(([id, label]) => (
            <Checkbox key={id} isSelected={visibility[id] !== false} onChange={(on) => onChange({ ...visibility, [id]: on })}>
              {label}
            </Checkbox>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
