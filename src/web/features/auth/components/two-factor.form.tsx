import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useVerifyBackupCode } from '../api/verify-backup-code.mutation.ts';
import { useVerifyTotp } from '../api/verify-totp.mutation.ts';

const codeSchema = z.object({ code: z.string().trim().min(1, 'Enter the code.').max(64) });

export interface TwoFactorFormProps {
  onVerified: () => void;
  onStartOver: () => void;
}

/** The second step of a password sign-in when the account has an authenticator app. */
export function TwoFactorForm({ onVerified, onStartOver }: TwoFactorFormProps) {
  const [useBackup, setUseBackup] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const totp = useVerifyTotp();
  const backup = useVerifyBackupCode();
  const form = useForm({ resolver: resolveWith(codeSchema), defaultValues: { code: '' } });
  const pending = totp.isPending || backup.isPending;

  const submit = form.handleSubmit(async ({ code }) => {
    setFailure(null);
    try {
      await (useBackup ? backup : totp).mutateAsync(code);
      onVerified();
    } catch (error) {
      setFailure(describeError(error));
    }
  });

  function toggleBackup() {
    setUseBackup((value) => !value);
    setFailure(null);
    form.reset({ code: '' });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <p className="text-slate-700">
        {useBackup
          ? 'Enter one of the backup codes you saved when you set up two-factor sign-in. Each code works once.'
          : 'Open your authenticator app and enter the 6-digit code it shows for Portico.'}
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <FormTextField
        key={useBackup ? 'backup' : 'totp'}
        control={form.control}
        name="code"
        label={useBackup ? 'Backup code' : 'Authentication code'}
        autoComplete="one-time-code"
        inputMode={useBackup ? 'text' : 'numeric'}
        isRequired
      />
      <Button type="submit" isDisabled={pending}>
        {pending ? 'Checking…' : 'Verify'}
      </Button>
      <div className="flex flex-wrap justify-between gap-2">
        <Button variant="ghost" size="sm" onPress={toggleBackup}>
          {useBackup ? 'Use the authenticator app' : 'Use a backup code instead'}
        </Button>
        <Button variant="ghost" size="sm" onPress={onStartOver}>
          Start over
        </Button>
      </div>
    </form>
  );
}
