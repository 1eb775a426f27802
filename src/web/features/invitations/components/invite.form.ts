import { useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { LaunchedDialogProps } from '../../../components/ui/dialog.launcher.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';

interface InviteFormOptions<S extends z.ZodType<FieldValues, FieldValues>> {
  /** Open or not, owned by the dialog's launcher. */
  state: LaunchedDialogProps;
  schema: S;
  empty: z.input<S>;
  /** The fields a server error may point at. */
  fields: readonly Path<z.input<S>>[];
  send: (values: z.output<S>) => Promise<unknown>;
}

/**
 * What every invite dialog does: a form on a shared schema, reset when the dialog closes,
 * server errors next to their fields, and "Invitation sent to …" when it worked.
 */
export function useInviteForm<S extends z.ZodType<FieldValues, FieldValues>>({ state, schema, empty, fields, send }: InviteFormOptions<S>) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: resolveWith(schema),
    defaultValues: empty as DefaultValues<z.input<S>>,
  });

  function changeOpen(open: boolean) {
    state.onOpenChange(open);
    if (!open) {
      form.reset(empty);
      setFailure(null);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await send(values);
      toastSuccess(`Invitation sent to ${String(values.email)}`);
      changeOpen(false);
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, fields));
    }
  });

  return { form, dialog: { isOpen: state.isOpen, onOpenChange: changeOpen, onSubmit: submit, failure } };
}
