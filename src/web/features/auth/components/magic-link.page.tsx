import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { useRedeemMagicLink } from '../api/redeem-magic-link.mutation.ts';
import { AuthCard } from './auth.card.tsx';

export interface MagicLinkPageProps {
  token: string | undefined;
  onSignedIn: () => Promise<void> | void;
}

/** Shows one button; the link is spent only when the person clicks it, never on page load. */
export function MagicLinkPage({ token, onSignedIn }: MagicLinkPageProps) {
  const redeem = useRedeemMagicLink();
  const [failure, setFailure] = useState<{ message: string; linkIsDead: boolean } | null>(null);

  if (!token) {
    return (
      <AuthCard title="Sign in to Portico">
        <Alert tone="error" title="This sign-in link is incomplete">
          Open the link from your email again, or ask for a new one.
        </Alert>
        <p>
          <TextLink href="/sign-in">Request a new sign-in link</TextLink>
        </p>
      </AuthCard>
    );
  }

  async function signIn(value: string) {
    setFailure(null);
    try {
      await redeem.mutateAsync(value);
      await onSignedIn();
    } catch (error) {
      const linkIsDead = isApiError(error) && (error.status === 410 || error.status === 400);
      setFailure({
        message: linkIsDead ? 'This sign-in link has expired or was already used. Links work once and expire soon.' : describeError(error),
        linkIsDead,
      });
    }
  }

  return (
    <AuthCard title="Sign in to Portico" description="Press the button to finish signing in on this device.">
      {failure ? (
        <Alert tone="error" title={failure.linkIsDead ? 'This link cannot be used' : 'Sign-in failed'}>
          <p>{failure.message}</p>
          {failure.linkIsDead ? (
            <p className="mt-2">
              <TextLink href="/sign-in">Request a new sign-in link</TextLink>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {failure?.linkIsDead ? null : (
        <Button onPress={() => void signIn(token)} isDisabled={redeem.isPending || redeem.isSuccess}>
          {redeem.isPending || redeem.isSuccess ? 'Signing in…' : 'Sign in'}
        </Button>
      )}
    </AuthCard>
  );
}
