import { MailCheck } from 'lucide-react';
import type { EmailDelivery } from '../api/list-deliveries.query.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDateTime } from '../../../lib/format.intl.ts';
import { useDeliveries } from '../api/list-deliveries.query.ts';
import { useResendEmail } from '../api/resend-email.mutation.ts';

function ResendButton({ email }: { email: EmailDelivery }) {
  const resend = useResendEmail();
  return (
    <Button
      variant="secondary"
      size="sm"
      isDisabled={resend.isPending}
      onPress={() =>
        resend.mutate(email.id, {
          onSuccess: () => toastSuccess('Sending again', email.to),
          onError: (error) => toastError('Could not resend this email', describeError(error)),
        })
      }
    >
      {email.status === 'failed' ? 'Resend' : 'Send now'}
      <span className="sr-only">
        {' '}
        the email “{email.subject}” to {email.to}
      </span>
    </Button>
  );
}

function describeState(email: EmailDelivery): string {
  const tries = `${email.attempts} ${email.attempts === 1 ? 'attempt' : 'attempts'}`;
  if (email.status === 'failed') return `Failed ${email.failedAt ? formatDateTime(email.failedAt) : ''} after ${tries}`;
  return email.nextAttemptAt ? `Waiting · ${tries} · next try ${formatDateTime(email.nextAttemptAt)}` : `Waiting · ${tries}`;
}

/** Email delivery for owners and admins: what did not go out, why, and "resend". */
export function DeliveriesPage() {
  const deliveries = useDeliveries('undelivered');
  return (
    <>
      <PageHeader
        title="Email delivery"
        description="Emails Portico could not deliver yet. Temporary problems are retried for a day; an email the mail server refused is shown here at once."
      />
      <QueryView query={deliveries} loadingLabel="Loading email delivery…">
        {({ items, counts }) =>
          items.length === 0 ? (
            <EmptyState
              icon={MailCheck}
              title="Every email went out"
              description="Failed or waiting emails would be listed here, with the reason."
            />
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-700">
                {counts.failed} failed · {counts.queued} waiting
              </p>
              <DataList label="Undelivered emails">
                {items.map((email) => (
                  <DataListItem
                    key={email.id}
                    title={email.subject}
                    subtitle={`To ${email.to} · queued ${formatDateTime(email.createdAt)}`}
                    meta={describeState(email)}
                    badges={email.status === 'failed' ? <Badge tone="red">Failed</Badge> : <Badge tone="amber">Waiting</Badge>}
                    actions={email.abilities.resend ? <ResendButton email={email} /> : null}
                  >
                    {email.lastError ? <p className="text-sm break-words text-slate-700">Reason: {email.lastError}</p> : null}
                  </DataListItem>
                ))}
              </DataList>
              <LoadMore query={deliveries} />
            </>
          )
        }
      </QueryView>
    </>
  );
}
