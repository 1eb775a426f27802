import { Mail } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formatDateTime } from '../../../lib/format.intl.ts';
import { type MailboxEmail, useMailbox } from '../api/list-mailbox.query.ts';
import { LinkedText } from './linked-text.tsx';

function EmailCard({ email }: { email: MailboxEmail }) {
  return (
    <article aria-labelledby={`email-${email.id}`} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`email-${email.id}`} className="font-semibold break-words">
          {email.subject}
        </h2>
        <Badge tone={email.status === 'sent' ? 'green' : 'neutral'}>{email.status}</Badge>
      </div>
      <p className="text-sm text-slate-700">
        To <span className="break-all">{email.to}</span> · {formatDateTime(email.createdAt)}
      </p>
      <pre className="font-sans text-sm whitespace-pre-wrap break-words text-slate-900">
        <LinkedText text={email.text} />
      </pre>
    </article>
  );
}

/** Development only: the emails Portico sent, readable without an SMTP server. */
export function MailboxPage() {
  const mailbox = useMailbox();
  const [recipient, setRecipient] = useState('');
  return (
    <div className="mx-auto w-full max-w-3xl">
      <PageHeader
        title="Dev mailbox"
        description="Emails Portico sent while no SMTP server is set up. Only available outside production."
        actions={
          <Button variant="secondary" onPress={() => void mailbox.refetch()} isDisabled={mailbox.isFetching}>
            Refresh
          </Button>
        }
      />
      <div className="mb-4 max-w-sm">
        <TextField label="Filter by recipient" type="search" value={recipient} onChange={setRecipient} />
      </div>
      <QueryView query={mailbox} loadingLabel="Loading emails…">
        {({ items }) => {
          const needle = recipient.trim().toLowerCase();
          const shown = needle ? items.filter((email) => email.to.toLowerCase().includes(needle)) : items;
          if (shown.length === 0)
            return (
              <EmptyState
                icon={Mail}
                title="No emails"
                description={
                  needle ? 'No email to that recipient yet.' : 'Invite someone or ask for a sign-in link; the email shows up here.'
                }
              />
            );
          return (
            <div className="flex flex-col gap-4">
              {shown.map((email) => (
                <EmailCard key={email.id} email={email} />
              ))}
            </div>
          );
        }}
      </QueryView>
    </div>
  );
}
