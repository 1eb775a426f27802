import { type ReactNode, useState } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { ConfirmDialog } from '../../../components/ui/dialog.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.intl.ts';
import { useCurrentSession } from '../api/get-session.query.ts';
import { type SessionInfo, useSessions } from '../api/list-sessions.query.ts';
import { useRevokeOtherSessions } from '../api/revoke-other-sessions.mutation.ts';
import { useRevokeSession } from '../api/revoke-session.mutation.ts';
import { describeUserAgent } from './user-agent.describe.ts';

function SessionRow({ session, isCurrent }: { session: SessionInfo; isCurrent: boolean }) {
  const revoke = useRevokeSession();
  const device = describeUserAgent(session.userAgent);
  return (
    <DataListItem
      title={device}
      badges={isCurrent ? <Badge tone="blue">This device</Badge> : null}
      subtitle={session.ipAddress ? `IP address ${session.ipAddress}` : null}
      meta={`Signed in ${formatDateTime(session.createdAt)} · last active ${formatRelative(session.updatedAt)}`}
      actions={
        isCurrent ? null : (
          <Button
            variant="secondary"
            size="sm"
            isDisabled={revoke.isPending}
            onPress={() =>
              revoke.mutate(session.token, {
                onSuccess: () => toastSuccess('Session signed out', device),
                onError: (error) => toastError('Could not sign out that session', describeError(error)),
              })
            }
          >
            Sign out<span className="sr-only"> {device} session</span>
          </Button>
        )
      }
    />
  );
}

export function SessionsSection({ signOutButton }: { signOutButton?: ReactNode }) {
  const sessions = useSessions();
  const current = useCurrentSession();
  const revokeOthers = useRevokeOtherSessions();
  const [confirming, setConfirming] = useState(false);
  const currentToken = current.data?.session.token;
  const others = (sessions.data ?? []).filter((s) => s.token !== currentToken).length;

  function signOutOthers() {
    revokeOthers.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        toastSuccess('Signed out everywhere else', 'Only this device is still signed in.');
      },
      onError: (error) => toastError('Could not sign out other sessions', describeError(error)),
    });
  }

  return (
    <Section
      title="Sessions"
      description="Devices where you are signed in. Sign out any you do not recognise."
      actions={
        <>
          {signOutButton}
          <ConfirmDialog
            title="Sign out everywhere else?"
            message="Every other device and browser is signed out. This one stays signed in."
            confirmLabel="Sign out everywhere else"
            isOpen={confirming}
            onOpenChange={setConfirming}
            onConfirm={signOutOthers}
            isPending={revokeOthers.isPending}
            trigger={
              <Button variant="secondary" isDisabled={sessions.isSuccess && others === 0}>
                Sign out everywhere else
              </Button>
            }
          />
        </>
      }
    >
      <QueryView query={sessions} loadingLabel="Loading sessions…">
        {(items) => (
          <DataList label="Sessions">
            {[...items]
              .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
              .map((session) => (
                <SessionRow key={session.id} session={session} isCurrent={session.token === currentToken} />
              ))}
          </DataList>
        )}
      </QueryView>
    </Section>
  );
}
