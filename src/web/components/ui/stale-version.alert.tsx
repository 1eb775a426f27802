import { Alert } from './alert.tsx';
import { Button } from './button.tsx';

export interface StaleField {
  label: string;
  /** The value the person wanted. */
  yours: string;
  /** The value saved meanwhile by someone else (after the reload). */
  current: string;
}

export interface StaleVersionAlertProps {
  /** What was edited, as a sentence names it: "this contract", "these settings". */
  what: string;
  fields: StaleField[];
  onReapply: () => void;
  onDiscard: () => void;
  isPending?: boolean;
}

/**
 * Shown when an edit lost to someone else's save (412): the record was reloaded; the person sees
 * their unsaved values beside the current ones, and re-applies theirs or keeps the current ones.
 */
export function StaleVersionAlert({ what, fields, onReapply, onDiscard, isPending }: StaleVersionAlertProps) {
  return (
    <Alert
      tone="warning"
      title={`Someone else saved ${what} while you were editing`}
      action={
        <>
          <Button size="sm" onPress={onReapply} isDisabled={isPending}>
            {isPending ? 'Re-applying…' : 'Re-apply my changes'}
          </Button>
          <Button size="sm" variant="secondary" onPress={onDiscard} isDisabled={isPending}>
            Keep theirs
          </Button>
        </>
      }
    >
      <p>Nothing of yours was saved. The page now shows their version; your unsaved values are below.</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {fields.map((field) => (
          <div key={field.label} className="contents">
            <dt className="font-medium">{field.label}</dt>
            <dd className="break-words">
              {field.yours} <span className="text-slate-700">(now: {field.current})</span>
            </dd>
          </div>
        ))}
      </dl>
    </Alert>
  );
}

/** A value as the alert shows it: on/off, none, or text cut to a readable length (markup removed). */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  const text = String(value)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
