import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passwordSchema } from '../../../../shared/schemas/password.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { NewPasswordFields } from '../../../components/ui/new-password-fields.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { isApiError } from '../../../lib/api.client.ts';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { matchPasswords, passwordMismatch } from '../../../lib/password.help.ts';
import { useChangePassword } from '../api/change-password.mutation.ts';

const changeSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(128),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine(matchPasswords, passwordMismatch);

const emptyForm = { currentPassword: '', password: '', confirmPassword: '' };

export function ChangePasswordSection() {
  const change = useChangePassword();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: resolveWith(changeSchema), defaultValues: emptyForm });

  const submit = form.handleSubmit(async ({ currentPassword, password }) => {
    setFailure(null);
    try {
      await change.mutateAsync({ currentPassword, newPassword: password });
      form.reset(emptyForm);
      toastSuccess('Password changed', 'Your other sessions were signed out.');
    } catch (error) {
      if (isApiError(error) && error.code === 'INVALID_PASSWORD') {
        form.setError('currentPassword', { message: 'This is not your current password.' }, { shouldFocus: true });
        return;
      }
      setFailure(applyServerErrors(error, form.setError, ['currentPassword', 'password'], { newPassword: 'password' }));
    }
  });

  return (
    <Section title="Password" description="Changing your password signs out your other sessions.">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={submit} noValidate className="flex max-w-md flex-col gap-4">
        <FormTextField
          control={form.control}
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          isRequired
        />
        <NewPasswordFields control={form.control} />
        <div>
          <Button type="submit" isDisabled={change.isPending}>
            {change.isPending ? 'Saving…' : 'Change password'}
          </Button>
        </div>
      </form>
    </Section>
  );
}
