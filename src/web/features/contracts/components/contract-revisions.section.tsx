import { CheckCircle2 } from 'lucide-react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { toastError, toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatDateTime } from '../../../lib/format.intl.ts';
import { useAcknowledgeRevision } from '../api/acknowledge-revision.mutation.ts';
import type { ContractRevision } from '../api/contract.types.ts';
import { useRevisions } from '../api/list-revisions.query.ts';
import { describeTermValue, termLabel } from './contract.format.ts';

const kindLabels: Record<ContractRevision['kind'], string> = {
  activation: 'Activation',
  revision: 'Revision',
  renewal: 'Renewal',
};

function Changes({ revision }: { revision: ContractRevision }) {
  const entries = Object.entries(revision.changes);
  if (entries.length === 0)
    return (
      <p className="text-sm text-slate-700">
        {revision.kind === 'activation' ? 'The terms as agreed when the contract started.' : 'No terms changed.'}
      </p>
    );
  const currencyChange = revision.changes.currency;
  const currencyBefore = typeof currencyChange?.from === 'string' ? currencyChange.from : revision.terms.currency;
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm font-medium text-slate-900">What changed</p>
      <ul className="flex flex-col gap-2 text-sm">
        {entries.map(([field, change]) => (
          <li key={field} className="rounded-md bg-slate-50 p-2">
            <span className="font-medium text-slate-900">{termLabel(field)}:</span>{' '}
            <span className="text-slate-700">
              <del className="decoration-slate-500">
                <span className="sr-only">from </span>
                {describeTermValue(field, change.from, currencyBefore)}
              </del>{' '}
              <span aria-hidden="true">→</span>{' '}
              <ins className="font-medium text-slate-900 no-underline">
                <span className="sr-only">to </span>
                {describeTermValue(field, change.to, revision.terms.currency)}
              </ins>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RevisionItem({ contractId, revision }: { contractId: string; revision: ContractRevision }) {
  const acknowledge = useAcknowledgeRevision();
  return (
    <li className="flex flex-col gap-3 p-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-semibold text-slate-900">
              {kindLabels[revision.kind]} {revision.number}
            </h3>
            {revision.acknowledgedAt ? <Badge tone="green">Acknowledged</Badge> : <Badge tone="amber">Not acknowledged yet</Badge>}
          </div>
          <p className="text-sm text-slate-700">
            {formatDateTime(revision.createdAt)}
            {revision.createdByName ? ` by ${revision.createdByName}` : ''}
          </p>
          {revision.acknowledgedAt ? (
            <p className="flex items-center gap-1 text-sm text-slate-700">
              <CheckCircle2 aria-hidden="true" className="size-4 text-green-700" />
              Acknowledged {formatDateTime(revision.acknowledgedAt)}
              {revision.acknowledgedByName ? ` by ${revision.acknowledgedByName}` : ''}
            </p>
          ) : null}
        </div>
        {revision.abilities.acknowledge ? (
          <Button
            isDisabled={acknowledge.isPending}
            onPress={() =>
              acknowledge.mutate(
                { contractId, number: revision.number },
                {
                  onSuccess: () => toastSuccess(`${kindLabels[revision.kind]} ${revision.number} acknowledged`),
                  onError: (error) => toastError('Could not acknowledge', describeError(error)),
                },
              )
            }
          >
            {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge'}
            <span className="sr-only">
              {' '}
              {kindLabels[revision.kind].toLowerCase()} {revision.number}
            </span>
          </Button>
        ) : null}
      </div>
      {revision.note ? (
        <p className="text-sm text-slate-800">
          <span className="font-medium">Note:</span> {revision.note}
        </p>
      ) : null}
      <Changes revision={revision} />
    </li>
  );
}

/** Every revision, newest first, with what changed; the contractor acknowledges each one. */
export function ContractRevisionsSection({ contractId }: { contractId: string }) {
  const revisions = useRevisions(contractId);
  return (
    <Section
      id="revisions"
      title="Revisions"
      description="Each change to the terms after activation, and when the contractor acknowledged it."
    >
      <QueryView query={revisions} loadingLabel="Loading revisions…">
        {({ items }) =>
          items.length === 0 ? (
            <p className="text-slate-700">No revisions yet: the first one is recorded when the contract is activated.</p>
          ) : (
            <ul aria-label="Revisions" className="divide-y divide-slate-200 rounded-md border border-slate-200">
              {items.map((revision) => (
                <RevisionItem key={revision.id} contractId={contractId} revision={revision} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </Section>
  );
}
