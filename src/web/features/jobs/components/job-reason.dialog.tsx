import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';

export interface JobInputDialogProps {
  /** The button's label and the dialog's title. */
  label: string;
  title: string;
  explanation: string;
  /** What the person types: a reason (required), a note or a date (optional or required). */
  field: { label: string; kind: 'reason' | 'note' | 'date' | 'none'; required?: boolean };
  confirmLabel: string;
  done: string;
  variant?: 'primary' | 'secondary' | 'danger';
  onConfirm: (value: string) => Promise<unknown>;
}

/** One job event behind a dialog: what it does, the reason or date it records, and the server's answer. */
export function JobInputDialog({
  label,
  title,
  explanation,
  field,
  confirmLabel,
  done,
  variant = 'secondary',
  onConfirm,
}: JobInputDialogProps) {
  const [isOpen, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const missing = field.required && value.trim() === '';

  function changeOpen(open: boolean) {
    setOpen(open);
    if (!open) {
      setValue('');
      setFailure(null);
    }
  }

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    if (missing) {
      setFailure(`${field.label} is required.`);
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      await onConfirm(value.trim());
      toastSuccess(done);
      changeOpen(false);
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={changeOpen} trigger={<Button variant={variant}>{label}</Button>}>
      <p className="text-slate-700">{explanation}</p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={confirm} noValidate className="flex flex-col gap-4">
        {field.kind === 'none' ? null : (
          <TextField
            label={field.label}
            value={value}
            onChange={setValue}
            type={field.kind === 'date' ? 'date' : 'text'}
            multiline={field.kind === 'reason' || field.kind === 'note'}
            rows={3}
            isRequired={field.required}
            description={field.required ? undefined : 'Optional.'}
          />
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => changeOpen(false)} isDisabled={pending}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={pending}>
            {pending ? 'Saving…' : confirmLabel}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
