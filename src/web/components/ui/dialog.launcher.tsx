import { type ComponentType, lazy, type ReactNode, Suspense, useState } from 'react';
import { Button, type ButtonVariant } from './button.tsx';

/** What a dialog opened by a launcher receives: the launcher owns whether it is open. */
export interface LaunchedDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
}

export interface LaunchDialogOptions {
  label: string;
  icon?: ReactNode;
  variant?: ButtonVariant;
  /** The dialog's module, e.g. `() => import('…/invite-staff.dialog.tsx').then((m) => m.InviteStaffDialog)`. */
  load: () => Promise<ComponentType<LaunchedDialogProps>>;
}

/**
 * A button that opens a dialog whose code (form, schema, React Aria's overlays) loads only when
 * it is wanted: pointed at or focused (a head start) and pressed, not with the page. Focus returns
 * to the button when the dialog closes. Used through src/web/app/lazy.pages.ts.
 */
export function launchDialog({ label, icon, variant = 'primary', load }: LaunchDialogOptions): ComponentType {
  let loading: Promise<ComponentType<LaunchedDialogProps>> | undefined;
  const preload = () => {
    loading ??= load();
    return loading;
  };
  const LazyDialog = lazy(() => preload().then((component) => ({ default: component })));
  function DialogLauncher() {
    const [isOpen, setOpen] = useState(false);
    const [wanted, setWanted] = useState(false);
    return (
      <>
        <Button
          variant={variant}
          onHoverStart={() => void preload()}
          onFocus={() => void preload()}
          onPress={() => {
            setWanted(true);
            setOpen(true);
          }}
        >
          {icon}
          {label}
        </Button>
        {wanted ? (
          <Suspense fallback={null}>
            <LazyDialog isOpen={isOpen} onOpenChange={setOpen} />
          </Suspense>
        ) : null}
      </>
    );
  }
  DialogLauncher.displayName = `DialogLauncher(${label})`;
  return DialogLauncher;
}
