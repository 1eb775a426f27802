import type { Control, FieldValues, Path } from 'react-hook-form';
import { passwordHelp } from '../../lib/password.help.ts';
import { FormTextField } from './text-field.form.tsx';

interface NewPasswordFieldsProps<T extends FieldValues, C, O extends FieldValues> {
  /** A form with `password` and `confirmPassword` fields. */
  control: Control<T, C, O>;
  label?: string;
  confirmLabel?: string;
}

/** A new password and its confirmation, with the password rules shown under the first. */
export function NewPasswordFields<T extends FieldValues & { password: string; confirmPassword: string }, C, O extends FieldValues>({
  control,
  label = 'New password',
  confirmLabel = 'Confirm new password',
}: NewPasswordFieldsProps<T, C, O>) {
  return (
    <>
      <FormTextField
        control={control}
        name={'password' as Path<T>}
        label={label}
        type="password"
        autoComplete="new-password"
        description={passwordHelp}
        isRequired
      />
      <FormTextField
        control={control}
        name={'confirmPassword' as Path<T>}
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
        isRequired
      />
    </>
  );
}
