import { type FormEvent, lazy, Suspense, useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { NativeButton } from '../../../components/ui/native-button.tsx';
import { NativeTextField } from '../../../components/ui/native-text-field.tsx';
import { PlainLink, textLinkClasses } from '../../../components/ui/plain-link.tsx';
import { describeError, isApiError } from '../../../lib/api.request.ts';
import { requestMagicLink } from '../api/request-magic-link.request.ts';
import { signInWithEmail } from '../api/sign-in-email.request.ts';
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

const checks = { email: checkEmail, password: checkPassword };

/**
 * The first page most people see, so the lightest: native inputs and buttons, no React Aria, no
 * form library, no TanStack Query (main.tsx renders it before the router loads; the router's
 * /sign-in route renders it too). Its JavaScript budget is in scripts/bundle-budget.mjs.
 */
export function SignInPage({ onSignedIn }: SignInPageProps) {
  const [step, setStep] = useState<'credentials' | 'second-factor'>('credentials');
  const [failure, setFailure] = useState<string | null>(null);
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [pending, setPending] = useState<'sign-in' | 'link' | null>(null);
  // After the first submit, a field is checked again as it changes (as the other forms do).
  const [submitted, setSubmitted] = useState(false);
  const inputs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

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
    if (pending) return;
    setSubmitted(true);
    const valid = validate(['email', 'password']);
    if (!valid?.email || valid.password === undefined) return;
    setFailure(null);
    setLinkSentTo(null);
    setPending('sign-in');
    try {
      const result = await signInWithEmail({ email: valid.email, password: valid.password });
      if (result.twoFactorRedirect) setStep('second-factor');
      else await onSignedIn();
    } catch (error) {
      setFailure(describeSignInError(error));
    } finally {
      setPending(null);
    }
  }

  async function sendLink() {
    if (pending) return;
    setFailure(null);
    setLinkSentTo(null);
    setErrors((current) => ({ ...current, password: undefined }));
    const valid = validate(['email']);
    if (!valid?.email) return;
    setPending('link');
    try {
      await requestMagicLink(valid.email);
      setLinkSentTo(valid.email);
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setPending(null);
    }
  }

  if (step === 'second-factor') {
    return (
      <AuthCard title="Two-factor sign-in">
        <Suspense fallback={<p role="status">Loading…</p>}>
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

  return (
    <AuthCard title="Sign in to Portico" description="Use your password, or get a one-time sign-in link by email.">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {linkSentTo ? (
        <Alert tone="success" title="Check your email">
          If an account exists for {linkSentTo}, we sent it a sign-in link. The link works once and expires soon.
        </Alert>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4">
        <NativeTextField
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
        <NativeTextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(value) => change('password', value)}
          errorMessage={errors.password}
          inputRef={inputs.password}
        />
        <NativeButton type="submit" disabled={pending !== null}>
          {pending === 'sign-in' ? 'Signing in…' : 'Sign in'}
        </NativeButton>
        <div className="flex items-center gap-3 text-sm text-slate-700" aria-hidden="true">
          <span className="h-px flex-1 bg-slate-300" />
          or
          <span className="h-px flex-1 bg-slate-300" />
        </div>
        <NativeButton variant="secondary" onClick={() => void sendLink()} disabled={pending !== null}>
          {pending === 'link' ? 'Sending…' : 'Email me a sign-in link'}
        </NativeButton>
        <p className="text-sm text-slate-700">Technicians: enter your email and use the sign-in link.</p>
      </form>
      <p className="text-sm">
        <PlainLink href="/forgot-password" className={textLinkClasses}>
          Forgot your password?
        </PlainLink>
      </p>
    </AuthCard>
  );
}
