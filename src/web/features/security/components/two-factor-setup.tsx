import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { FormTextField } from '../../../components/ui/text-field.form.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { resolveWith } from '../../../lib/form.resolver.ts';
import { useConfirmTwoFactor } from '../api/confirm-two-factor.mutation.ts';
import type { TwoFactorSetup as Setup } from '../api/enable-two-factor.mutation.ts';

const codeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'),
});

/** The secret inside an otpauth:// URI, for apps where you type it in. */
export function readSecret(totpURI: string): string | null {
  const match = /[?&]secret=([^&]+)/i.exec(totpURI);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

function groupInFours(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function TwoFactorSetup({ setup, onDone }: { setup: Setup; onDone: () => void }) {
  const confirm = useConfirmTwoFactor();
  const [failure, setFailure] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useForm({ resolver: resolveWith(codeSchema), defaultValues: { code: '' } });
  const secret = readSecret(setup.totpURI);

  const submit = form.handleSubmit(async ({ code }) => {
    setFailure(null);
    try {
      await confirm.mutateAsync(code);
      toastSuccess('Two-factor sign-in is on', 'Next time you sign in, Portico asks for a code from your app.');
      onDone();
    } catch (error) {
      setFailure(describeError(error));
    }
  });

  async function copyCodes() {
    try {
      await navigator.clipboard.writeText(setup.backupCodes.join('\n'));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold">1. Add Portico to your authenticator app</h3>
        <p className="text-slate-700">
          In your app, add an account and paste this setup key, or open the link on the device that has the app.
        </p>
        {secret ? (
          <p>
            <span className="text-sm text-slate-700">Setup key: </span>
            <code className="rounded bg-slate-100 px-2 py-1 font-mono text-slate-900 break-all">{groupInFours(secret)}</code>
          </p>
        ) : null}
        <p className="text-sm text-slate-700">Setup link:</p>
        <code className="block rounded bg-slate-100 p-2 font-mono text-sm text-slate-900 break-all">{setup.totpURI}</code>
      </div>
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold">2. Save your backup codes</h3>
        <p className="text-slate-700">
          If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe; they are not shown again.
        </p>
        <ul aria-label="Backup codes" className="grid grid-cols-2 gap-2 rounded bg-slate-100 p-3 font-mono text-slate-900 sm:grid-cols-3">
          {setup.backupCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div>
          <Button variant="secondary" size="sm" onPress={() => void copyCodes()}>
            {copied ? 'Copied' : 'Copy backup codes'}
          </Button>
        </div>
      </div>
      <form onSubmit={submit} noValidate className="flex max-w-md flex-col gap-4">
        <h3 className="font-semibold">3. Enter a code to finish</h3>
        {failure ? <Alert tone="error">{failure}</Alert> : null}
        <FormTextField
          control={form.control}
          name="code"
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          description="The 6-digit code your app shows for Portico."
          isRequired
        />
        <div>
          <Button type="submit" isDisabled={confirm.isPending}>
            {confirm.isPending ? 'Checking…' : 'Turn on two-factor sign-in'}
          </Button>
        </div>
      </form>
    </div>
  );
}
