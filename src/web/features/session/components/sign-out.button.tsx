import { LogOut } from 'lucide-react';
import { Button } from '../../../components/ui/button.tsx';
import { toastError } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { useSignOut } from '../api/sign-out.mutation.ts';

export function SignOutButton({ onSignedOut, label = 'Sign out' }: { onSignedOut: () => void; label?: string }) {
  const signOut = useSignOut(onSignedOut);
  return (
    <Button
      variant="secondary"
      isDisabled={signOut.isPending}
      onPress={() => signOut.mutate(undefined, { onError: (error) => toastError('Could not sign out', describeError(error)) })}
    >
      <LogOut aria-hidden="true" className="size-4" />
      {signOut.isPending ? 'Signing out…' : label}
    </Button>
  );
}
