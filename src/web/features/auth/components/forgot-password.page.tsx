import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { emailSchema } from '../../../../shared/schemas/common.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useRequestPasswordReset } from '../api/request-password-reset.mutation.ts';
import { AuthCard } from './auth.card.tsx';

const forgotSchema = z.object({ email: emailSchema });

export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: resolveWith(forgotSchema), defaultValues: { email: '' } });

  const submit = form.handleSubmit(async ({ email }) => {
    setFailure(null);
    try {
      await request.mutateAsync(email);
      setSentTo(email);
    } catch (error) {
      setFailure(describeError(error));
    }
  });

  return (
    <AuthCard title="Reset your password" description="We email you a link to choose a new password.">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {sentTo ? (
        <Alert tone="success" title="Check your email">
          If an account exists for {sentTo}, we sent it a link to reset the password. The link expires in an hour.
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormTextField control={form.control} name="email" label="Email" type="email" autoComplete="email" isRequired />
        <Button type="submit" isDisabled={request.isPending}>
          {request.isPending ? 'Sending…' : 'Send reset link'}
        </Button>
      </form>
      <p className="text-sm">
        <TextLink href="/sign-in">Back to sign-in</TextLink>
      </p>
    </AuthCard>
  );
}
