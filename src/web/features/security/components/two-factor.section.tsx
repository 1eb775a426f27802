import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useDisableTwoFactor } from '../api/disable-two-factor.mutation.ts';
import { type TwoFactorSetup as Setup, useEnableTwoFactor } from '../api/enable-two-factor.mutation.ts';
import { TwoFactorSetup } from './two-factor-setup.tsx';

const passwordOnly = z.object({ password: z.string().min(1, 'Enter your password.').max(128) });

function describePasswordError(error: unknown): string {
  if (isApiError(error) && error.code === 'INVALID_PASSWORD') return 'This is not your password.';
  return describeError(error);
}

function PasswordStep({
  submitLabel,
  tone,
  isPending,
  onSubmit,
}: {
  submitLabel: string;
  tone: 'primary' | 'danger';
  isPending: boolean;
  onSubmit: (password: string) => Promise<void>;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ resolver: resolveWith(passwordOnly), defaultValues: { password: '' } });
  const submit = form.handleSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await onSubmit(password);
      form.reset({ password: '' });
    } catch (error) {
      setFailure(describePasswordError(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="flex max-w-md flex-col gap-4">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <FormTextField
        control={form.control}
        name="password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        description="To confirm it is you."
        isRequired
      />
      <div>
        <Button type="submit" variant={tone} isDisabled={isPending}>
          {isPending ? 'Working…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}

export interface TwoFactorSectionProps {
  enabled: boolean;
  hasPassword: boolean;
}

export function TwoFactorSection({ enabled, hasPassword }: TwoFactorSectionProps) {
  const enable = useEnableTwoFactor();
  const disable = useDisableTwoFactor();
  const [setup, setSetup] = useState<Setup | null>(null);

  const status = <Badge tone={enabled ? 'green' : 'neutral'}>{enabled ? 'On' : 'Off'}</Badge>;
  const description = 'A code from an authenticator app on your phone, asked for after your password.';

  if (!hasPassword) {
    return (
      <Section title="Two-factor sign-in" description={description} actions={status}>
        <p className="text-slate-700">
          You sign in with email links, so you have no password yet. Two-factor sign-in needs one:{' '}
          <TextLink href="/forgot-password">set a password</TextLink> first.
        </p>
      </Section>
    );
  }

  if (enabled && !setup) {
    return (
      <Section title="Two-factor sign-in" description={description} actions={status}>
        <p className="text-slate-700">Turning it off makes your account easier to break into. Your organization may require it.</p>
        <PasswordStep
          submitLabel="Turn off two-factor sign-in"
          tone="danger"
          isPending={disable.isPending}
          onSubmit={async (password) => {
            await disable.mutateAsync(password);
            toastSuccess('Two-factor sign-in is off');
          }}
        />
      </Section>
    );
  }

  return (
    <Section title="Two-factor sign-in" description={description} actions={status}>
      {setup ? (
        <TwoFactorSetup setup={setup} onDone={() => setSetup(null)} />
      ) : (
        <PasswordStep
          submitLabel="Set up two-factor sign-in"
          tone="primary"
          isPending={enable.isPending}
          onSubmit={async (password) => setSetup(await enable.mutateAsync(password))}
        />
      )}
    </Section>
  );
}
