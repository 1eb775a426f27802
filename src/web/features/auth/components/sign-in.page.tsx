import { type FormEvent, lazy, Suspense, useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { LoadingState } from '../../../components/ui/query-view.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { useRequestMagicLink } from '../api/request-magic-link.mutation.ts';
import { useSignInWithEmail } from '../api/sign-in-email.mutation.ts';
import { AuthCard } from './auth.card.tsx';
import { checkEmail, checkPassword } from './sign-in.fields.ts';

// Only accounts with an authenticator app see the second step: its form loads when it is needed.
const TwoFactorForm = lazy(() => import('./two-factor.form.tsx').then((m) => ({ default: m.TwoFactorForm })));

type Field = 'email' | 'password';

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
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  // After the first submit, a field is checked again as it changes (as the other forms do).
  const [submitted, setSubmitted] = useState(false);
  const inputs = {
    email: useRef<HTMLInputElement & HTMLTextAreaElement>(null),
    password: useRef<HTMLInputElement & HTMLTextAreaElement>(null),
  };
  const signIn = useSignInWithEmail();
  const magicLink = useRequestMagicLink();
  const checks = { email: checkEmail, password: checkPassword };

  function change(field: Field, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (!submitted) return;
    const checked = checks[field](value);
    setErrors((current) => ({ ...current, [field]: checked.ok ? undefined : checked.message }));
  }

  /** Checks the fields, shows their messages and focuses the first one that is wrong. */
  function validate(fields: Field[]): Partial<Record<Field, string>> | null {
    const next: Partial<Record<Field, string>> = {};
    const valid: Partial<Record<Field, string>> = {};
    for (const field of fields) {
      const checked = checks[field](values[field]);
      if (checked.ok) valid[field] = checked.value;
      else next[field] = checked.message;
    }
    setErrors((current) => ({ ...current, ...Object.fromEntries(fields.map((f) => [f, next[f]])) }));
    const firstWrong = fields.find((field) => next[field]);
    if (firstWrong) {
      inputs[firstWrong].current?.focus();
      return null;
    }
    return valid;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const valid = validate(['email', 'password']);
    if (!valid?.email || valid.password === undefined) return;
    setFailure(null);
    setLinkSentTo(null);
    try {
      const result = await signIn.mutateAsync({ email: valid.email, password: valid.password });
      if (result.twoFactorRedirect) setStep('second-factor');
      else await onSignedIn();
    } catch (error) {
      setFailure(describeSignInError(error));
    }
  }

  async function sendLink() {
    setFailure(null);
    setLinkSentTo(null);
    setErrors((current) => ({ ...current, password: undefined }));
    const valid = validate(['email']);
    if (!valid?.email) return;
    try {
      await magicLink.mutateAsync(valid.email);
      setLinkSentTo(valid.email);
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  if (step === 'second-factor') {
    return (
      <AuthCard title="Two-factor sign-in">
        <Suspense fallback={<LoadingState />}>
          <TwoFactorForm
            onVerified={() => void onSignedIn()}
            onStartOver={() => {
              setStep('credentials');
              setValues((current) => ({ ...current, password: '' }));
              setErrors((current) => ({ ...current, password: undefined }));
            }}
          />
        </Suspense>
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
      <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4">
        <TextField
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          isRequired
          value={values.email}
          onChange={(value) => change('email', value)}
          errorMessage={errors.email}
          inputRef={inputs.email}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(value) => change('password', value)}
          errorMessage={errors.password}
          inputRef={inputs.password}
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
