import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { emailSchema } from '../../../../shared/schemas/common.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { FormTextField } from '../../../components/ui/text-field.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useRequestMagicLink } from '../api/request-magic-link.mutation.ts';
import { useSignInWithEmail } from '../api/sign-in-email.mutation.ts';
import { AuthCard } from './auth.card.tsx';
import { TwoFactorForm } from './two-factor.form.tsx';

const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(128),
});

export interface SignInPageProps {
  /** Called once a session cookie is set. */
  onSignedIn: () => Promise<void> | void;
}

function describeSignInError(error: unknown): string {
  if (isApiError(error) && error.status === 401) return 'The email or password is not right. Check them and try again.';
  return describeError(error);
}

export function SignInPage({ onSignedIn }: SignInPageProps) {
  const [step, setStep] = useState<'credentials' | 'second-factor'>('credentials');
  const [failure, setFailure] = useState<string | null>(null);
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);
  const signIn = useSignInWithEmail();
  const magicLink = useRequestMagicLink();
  const form = useForm({ resolver: resolveWith(signInSchema), defaultValues: { email: '', password: '' } });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setLinkSentTo(null);
    try {
      const result = await signIn.mutateAsync(values);
      if (result.twoFactorRedirect) setStep('second-factor');
      else await onSignedIn();
    } catch (error) {
      setFailure(describeSignInError(error));
    }
  });

  async function sendLink() {
    setFailure(null);
    setLinkSentTo(null);
    form.clearErrors('password');
    if (!(await form.trigger('email'))) return;
    const email = emailSchema.parse(form.getValues('email'));
    try {
      await magicLink.mutateAsync(email);
      setLinkSentTo(email);
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  if (step === 'second-factor') {
    return (
      <AuthCard title="Two-factor sign-in">
        <TwoFactorForm
          onVerified={() => void onSignedIn()}
          onStartOver={() => {
            setStep('credentials');
            form.resetField('password');
          }}
        />
      </AuthCard>
    );
  }

  const pending = signIn.isPending || magicLink.isPending;
  return (
    <AuthCard title="Sign in to Portico" description="Use your password, or get a one-time sign-in link by email.">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {linkSentTo ? (
        <Alert tone="success" title="Check your email">
          If an account exists for {linkSentTo}, we sent it a sign-in link. The link works once and expires soon.
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormTextField control={form.control} name="email" label="Email" type="email" autoComplete="email" isRequired />
        <FormTextField
          control={form.control}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
        />
        <Button type="submit" isDisabled={pending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </Button>
        <div className="flex items-center gap-3 text-sm text-slate-700" aria-hidden="true">
          <span className="h-px flex-1 bg-slate-300" />
          or
          <span className="h-px flex-1 bg-slate-300" />
        </div>
        <Button variant="secondary" onPress={() => void sendLink()} isDisabled={pending}>
          {magicLink.isPending ? 'Sending…' : 'Email me a sign-in link'}
        </Button>
        <p className="text-sm text-slate-700">Technicians: enter your email and use the sign-in link.</p>
      </form>
      <p className="text-sm">
        <TextLink href="/forgot-password">Forgot your password?</TextLink>
      </p>
    </AuthCard>
  );
}
