import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passwordSchema } from '../../../../shared/schemas/password.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ButtonLink, TextLink } from '../../../components/ui/link.tsx';
import { NewPasswordFields } from '../../../components/ui/new-password-fields.tsx';
import { isApiError } from '../../../lib/api.client.ts';
import { applyServerErrors } from '../../../lib/form.errors.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { matchPasswords, passwordMismatch } from '../../../lib/password.help.ts';
import { useResetPassword } from '../api/reset-password.mutation.ts';
import { AuthCard } from './auth.card.tsx';

const resetSchema = z.object({ password: passwordSchema, confirmPassword: z.string() }).refine(matchPasswords, passwordMismatch);

export interface ResetPasswordPageProps {
  token: string | undefined;
  /** better-auth redirects here with `?error=INVALID_TOKEN` when the link is bad. */
  error: string | undefined;
}

/** better-auth answers 400 INVALID_TOKEN for an expired or used reset link. */
function isDeadToken(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.code === 'INVALID_TOKEN' || error.status === 410) return true;
  return error.status === 400 && error.fieldErrors.length === 0 && /token/i.test(error.message);
}

function DeadLink() {
  return (
    <Alert tone="error" title="This reset link cannot be used">
      <p>It has expired, was already used, or is incomplete.</p>
      <p className="mt-2">
        <TextLink href="/forgot-password">Ask for a new reset link</TextLink>
      </p>
    </Alert>
  );
}

export function ResetPasswordPage({ token, error }: ResetPasswordPageProps) {
  const reset = useResetPassword();
  const [failure, setFailure] = useState<string | null>(null);
  const [linkIsDead, setLinkIsDead] = useState(false);
  const form = useForm({ resolver: resolveWith(resetSchema), defaultValues: { password: '', confirmPassword: '' } });

  const submit = form.handleSubmit(async ({ password }) => {
    if (!token) return;
    setFailure(null);
    try {
      await reset.mutateAsync({ token, newPassword: password });
    } catch (cause) {
      if (isDeadToken(cause)) {
        setLinkIsDead(true);
        return;
      }
      setFailure(applyServerErrors(cause, form.setError, ['password'], { newPassword: 'password' }));
    }
  });

  if (!token || error || linkIsDead) {
    return (
      <AuthCard title="Choose a new password">
        <DeadLink />
      </AuthCard>
    );
  }

  if (reset.isSuccess) {
    return (
      <AuthCard title="Choose a new password">
        <Alert tone="success" title="Your password is changed">
          Sign in with your new password.
        </Alert>
        <ButtonLink href="/sign-in">Go to sign-in</ButtonLink>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <NewPasswordFields control={form.control} />
        <Button type="submit" isDisabled={reset.isPending}>
          {reset.isPending ? 'Saving…' : 'Save new password'}
        </Button>
      </form>
    </AuthCard>
  );
}
