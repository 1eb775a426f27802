import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode, Suspense, useState } from 'react';
import { Button, type ButtonSize, type ButtonVariant } from './button.tsx';

/** What a dialog opened by a launcher receives: the launcher owns whether it is open. */
export interface LaunchedDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
}

/** A dialog whose module loads on demand (made once, at module level, by `lazyDialog`). */
export interface LazyDialog<P extends object> {
  preload: () => Promise<unknown>;
  Component: LazyExoticComponent<ComponentType<P & LaunchedDialogProps>>;
}

/** e.g. `lazyDialog(() => import('…/invite-staff.dialog.tsx').then((m) => m.InviteStaffDialog))`. */
export function lazyDialog<P extends object = object>(load: () => Promise<ComponentType<P & LaunchedDialogProps>>): LazyDialog<P> {
  let loading: Promise<ComponentType<P & LaunchedDialogProps>> | undefined;
  const preload = () => {
    loading ??= load();
    return loading;
  };
  return { preload, Component: lazy(() => preload().then((component) => ({ default: component }))) };
}

export interface DialogLauncherProps<P extends object> {
  dialog: LazyDialog<P>;
  /** What the dialog needs besides being open. */
  dialogProps: P;
  label: ReactNode;
  /** The button's name when `label` is not text alone. */
  ariaLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/**
 * A button that opens a dialog whose code (form, schema, React Aria's overlays) loads only when it
 * is wanted: pointed at or focused (a head start) and pressed, not with the page. The button stays
 * in place, so focus returns to it when the dialog closes.
 */
export function DialogLauncher<P extends object>({
  dialog,
  dialogProps,
  label,
  ariaLabel,
  variant = 'primary',
  size,
}: DialogLauncherProps<P>) {
  const [isOpen, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const { Component } = dialog;
  return (
    <>
      <Button
        variant={variant}
        size={size}
        aria-label={ariaLabel}
        onHoverStart={() => void dialog.preload()}
        onFocus={() => void dialog.preload()}
        onPress={() => {
          setWanted(true);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      {wanted ? (
        <Suspense fallback={null}>
          <Component {...dialogProps} isOpen={isOpen} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
