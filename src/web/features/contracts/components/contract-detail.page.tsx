import type { ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { Details } from '../../../components/ui/details.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { MoneyAmounts } from '../../../components/ui/money-amounts.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { RichText } from '../../../components/ui/rich-text.tsx';
import { Section } from '../../../components/ui/section.tsx';
import type { Contract } from '../api/contract.types.ts';
import { useContract } from '../api/get-contract.query.ts';
import { ContractActions } from './contract-actions.tsx';
import { ContractDocumentsSection } from './contract-documents.section.tsx';
import { ContractRevisionsSection } from './contract-revisions.section.tsx';
import { ContractStatusBadge } from './contract-status.badge.tsx';
import { describeNotice, describeRate, describeTerm } from './contract.format.ts';
import { SubjectMessagesLink } from '../../messages/components/subject-messages.link.tsx';

export interface ContractDetailPageProps {
  contractId: string;
  side: 'company' | 'contractor';
  backHref: string;
  /** Company side: where "Edit" leads. */
  editHref?: string;
  /** The contract's milestones, composed by the app (another feature). */
  renderMilestones?: (contract: Contract) => ReactNode;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function RevisionBanner({ contract, side }: { contract: Contract; side: ContractDetailPageProps['side'] }) {
  const n = contract.unacknowledgedRevisions;
  if (n === 0) return null;
  // The first revision is the contract itself, recorded when it was activated.
  const onlyActivation = contract.revision === 1;
  if (side === 'contractor')
    return onlyActivation ? (
      <Alert tone="warning" title="Contract activated: acknowledge the terms" className="mb-6">
        {contract.organization.name} activated this contract. Read the terms, then acknowledge them.{' '}
        <TextLink href="#revisions">Go to the terms</TextLink>
      </Alert>
    ) : (
      <Alert tone="warning" title={`The terms changed: ${plural(n, 'revision', 'revisions')} to acknowledge`} className="mb-6">
        {contract.organization.name} changed this contract. Read what changed, then acknowledge it.{' '}
        <TextLink href="#revisions">Go to the revisions</TextLink>
      </Alert>
    );
  return (
    <Alert
      tone="info"
      title={onlyActivation ? 'Terms not acknowledged yet' : `${plural(n, 'revision', 'revisions')} not acknowledged yet`}
      className="mb-6"
    >
      {contract.contractor.name} has been asked to acknowledge {onlyActivation ? "the contract's terms" : 'the latest terms'}.{' '}
      <TextLink href="#revisions">See the revisions</TextLink>
    </Alert>
  );
}

function MoneySummary({ contract, side }: { contract: Contract; side: ContractDetailPageProps['side'] }) {
  const { summary } = contract;
  const counts = summary.milestones;
  const total = counts.open + counts.submitted + counts.changesRequested + counts.approved + counts.paid;
  const figure = (label: string, amounts: Contract['summary']['paid'], empty: string) => (
    <div className="flex flex-col gap-1 rounded-md bg-slate-50 p-3">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="text-lg text-slate-900">
        <MoneyAmounts amounts={amounts} empty={empty} />
      </dd>
    </div>
  );
  return (
    <Section
      title={side === 'contractor' ? 'Your money' : 'Money'}
      description={
        total === 0
          ? 'No milestones yet.'
          : `${plural(total, 'milestone', 'milestones')}: ${counts.open + counts.changesRequested} to deliver, ${counts.submitted} in review, ${counts.approved} approved, ${counts.paid} paid.`
      }
    >
      <dl className="grid gap-3 sm:grid-cols-3">
        {figure('Left to deliver', summary.leftToDeliver, 'Nothing')}
        {figure('Approved, not paid yet', summary.approvedUnpaid, 'Nothing')}
        {figure('Paid', summary.paid, 'Nothing yet')}
      </dl>
    </Section>
  );
}

export function ContractDetailPage({ contractId, side, backHref, editHref, renderMilestones }: ContractDetailPageProps) {
  const contract = useContract(contractId);
  const back = <BackLink href={backHref} label="All contracts" />;
  if (contract.isPending)
    return (
      <>
        {back}
        <PageHeader title="Contract" />
        <LoadingState label="Loading the contract…" />
      </>
    );
  if (contract.isError)
    return (
      <>
        {back}
        <PageHeader title="Contract" />
        <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />
      </>
    );

  const data = contract.data;
  const party =
    side === 'company' ? { label: 'Contractor', name: data.contractor.name } : { label: 'Organization', name: data.organization.name };
  return (
    <>
      {back}
      <PageHeader
        title={data.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ContractStatusBadge status={data.status} />
            <span>
              {side === 'company' ? 'With' : 'From'} {party.name}
            </span>
            {data.revision > 0 ? <span className="text-slate-600">· Revision {data.revision}</span> : null}
          </span>
        }
        actions={
          <>
            <SubjectMessagesLink engagementId={data.engagementId} kind="contract" id={data.id} />
            {side === 'company' && editHref ? <ContractActions contract={data} editHref={editHref} /> : null}
          </>
        }
      />
      <RevisionBanner contract={data} side={side} />
      {side === 'company' && data.status === 'draft' ? (
        <Alert tone="info" title="This contract is a draft" className="mb-6">
          Add its milestones and documents, then activate it. {data.contractor.name} is asked to acknowledge the terms once it is active.
        </Alert>
      ) : null}
      <div className="flex flex-col gap-6">
        <Section title="At a glance">
          <Details
            items={[
              { label: party.label, value: party.name },
              { label: 'Rate', value: describeRate(data) },
              { label: 'Term', value: describeTerm(data) },
              { label: 'Notice period', value: describeNotice(data.noticePeriodDays) },
              {
                label: 'IP clause',
                value: data.ipClause ? <span className="whitespace-pre-line">{data.ipClause}</span> : 'None written',
              },
            ]}
          />
        </Section>
        <MoneySummary contract={data} side={side} />
        <Section title="Scope">
          {data.scopeHtml.trim() ? <RichText html={data.scopeHtml} /> : <p className="text-slate-700">No scope has been written yet.</p>}
        </Section>
        {renderMilestones ? renderMilestones(data) : null}
        <ContractDocumentsSection contract={data} />
        <ContractRevisionsSection contractId={data.id} />
      </div>
    </>
  );
}
