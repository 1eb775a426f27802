import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { NativeButton } from '../../../components/ui/native-button.tsx';
import { NativeTextField } from '../../../components/ui/native-text-field.tsx';
import { describeError } from '../../../lib/api.request.ts';
import { verifyBackupCode } from '../api/verify-backup-code.request.ts';
import { verifyTotp } from '../api/verify-totp.request.ts';
import { checkCode } from './sign-in.fields.ts';

export interface TwoFactorFormProps {
  onVerified: () => void;
  onStartOver: () => void;
}

/**
 * The second step of a password sign-in when the account has an authenticator app. Part of the
 * sign-in page, which renders before the router and TanStack Query load: native controls only.
 */
export function TwoFactorForm({ onVerified, onStartOver }: TwoFactorFormProps) {
  const [useBackup, setUseBackup] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const checked = checkCode(code);
    if (!checked.ok) {
      setError(checked.message);
      input.current?.focus();
      return;
    }
    setError(undefined);
    setFailure(null);
    setPending(true);
    try {
      await (useBackup ? verifyBackupCode : verifyTotp)(checked.value);
      onVerified();
    } catch (caught) {
      setFailure(describeError(caught));
    } finally {
      setPending(false);
    }
  }

  function toggleBackup() {
    setUseBackup((value) => !value);
    setFailure(null);
    setError(undefined);
    setCode('');
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-4">
      <p className="text-slate-700">
        {useBackup
          ? 'Enter one of the backup codes you saved when you set up two-factor sign-in. Each code works once.'
          : 'Open your authenticator app and enter the 6-digit code it shows for Portico.'}
      </p>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <NativeTextField
        key={useBackup ? 'backup' : 'totp'}
        name="code"
        label={useBackup ? 'Backup code' : 'Authentication code'}
        autoComplete="one-time-code"
        inputMode={useBackup ? 'text' : 'numeric'}
        isRequired
        value={code}
        onChange={(value) => {
          setCode(value);
          if (error) setError(checkCode(value).ok ? undefined : error);
        }}
        errorMessage={error}
        inputRef={input}
      />
      <NativeButton type="submit" disabled={pending}>
        {pending ? 'Checking…' : 'Verify'}
      </NativeButton>
      <div className="flex flex-wrap justify-between gap-2">
        <NativeButton variant="ghost" size="sm" onClick={toggleBackup}>
          {useBackup ? 'Use the authenticator app' : 'Use a backup code instead'}
        </NativeButton>
        <NativeButton variant="ghost" size="sm" onClick={onStartOver}>
          Start over
        </NativeButton>
      </div>
    </form>
  );
}
