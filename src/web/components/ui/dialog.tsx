import type { ReactElement, ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './button.tsx';

export interface ModalDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  children: ReactNode;
  /** The button that opens the dialog; focus returns to it on close. */
  trigger?: ReactElement;
  role?: 'dialog' | 'alertdialog';
}

export function ModalDialog({ title, isOpen, onOpenChange, children, trigger, role = 'dialog' }: ModalDialogProps) {
  const overlay = (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={role === 'dialog'}
      className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/50 p-4 sm:items-center"
    >
      <Modal className="my-8 w-full max-w-lg rounded-lg bg-white text-slate-900 shadow-xl">
        <Dialog role={role} className="flex flex-col gap-4 p-5 outline-none sm:p-6">
          <Heading slot="title" level={2} className="text-lg font-semibold">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
  if (!trigger) return overlay;
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      {trigger}
      {overlay}
    </DialogTrigger>
  );
}

export interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onConfirm: () => void;
  isPending?: boolean;
  tone?: 'danger' | 'primary';
  trigger?: ReactElement;
}

/** Asks before a consequential action (revoke, end, sign out everywhere). */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  isOpen,
  onOpenChange,
  onConfirm,
  isPending = false,
  tone = 'danger',
  trigger,
}: ConfirmDialogProps) {
  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} trigger={trigger} role="alertdialog">
      <div className="text-slate-700">{message}</div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onPress={() => onOpenChange(false)} isDisabled={isPending}>
          Cancel
        </Button>
        <Button variant={tone === 'danger' ? 'danger' : 'primary'} onPress={onConfirm} isDisabled={isPending} autoFocus>
          {isPending ? 'Working…' : confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
