import type { FormEvent, ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/dialog.tsx';

export interface InviteDialogProps {
  title: string;
  description: ReactNode;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  isPending: boolean;
  failure: string | null;
  children: ReactNode;
}

/** The frame every invite form shares: dialog, error, Cancel and "Send invitation" (the button that opens it is its launcher's). */
export function InviteDialog({ title, description, isOpen, onOpenChange, onSubmit, isPending, failure, children }: InviteDialogProps) {
  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange}>
      <p className="text-slate-700">{description}</p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {children}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => onOpenChange(false)} isDisabled={isPending}>
            Cancel
          </Button>
          <Button type="submit" isDisabled={isPending}>
            {isPending ? 'Sending…' : 'Send invitation'}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
