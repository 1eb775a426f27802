import { useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { ExportButton } from '../../../components/ui/export-button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SelectField } from '../../../components/ui/select.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { formatMoney, todayDay } from '../../../lib/format.intl.ts';
import { useBalances } from '../api/get-balances.query.ts';
import { exportUrl, useStatement } from '../api/get-statement.query.ts';
import { useParties } from '../api/list-parties.query.ts';
import { StatementView } from './statement.view.tsx';

export interface MoneySearchValue {
  party?: string;
  from?: string;
  to?: string;
}

export interface MoneyPageProps {
  side: 'contractor' | 'staff';
  search: MoneySearchValue;
  onSearchChange: (next: MoneySearchValue) => void;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function Balances({ side }: { side: MoneyPageProps['side'] }) {
  const balances = useBalances();
  if (balances.isPending) return <LoadingState label="Loading balances…" />;
  if (balances.isError) return <ErrorState error={balances.error} onRetry={() => void balances.refetch()} />;
  if (balances.data.items.length === 0)
    return (
      <p className="text-slate-700">
        Nothing is approved and waiting to be paid. Approved milestones and invoices appear here until they are sent.
      </p>
    );
  return (
    <ul className="flex flex-col divide-y divide-slate-200">
      {balances.data.items.map((b) => (
        <li key={`${b.organizationId}:${b.contractorId}:${b.currency}`} className="flex flex-wrap justify-between gap-2 py-2">
          <span>{side === 'contractor' ? b.organizationName : b.contractorName}</span>
          <span className="font-semibold tabular-nums">
            {formatMoney({ amountMinor: b.amountMinor, currency: b.currency })}{' '}
            <span className="text-sm font-normal text-slate-700">({b.count} approved)</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Money: balances, the statement with one party over a period, and the exports (CSV and PDF), for either side. */
export function MoneyPage({ side, search, onSearchChange }: MoneyPageProps) {
  const year = todayDay().slice(0, 4);
  const from = search.from ?? `${year}-01-01`;
  const to = search.to ?? todayDay();
  const [find, setFind] = useState('');
  const parties = useParties(side, find);
  const party = search.party ?? null;
  const partyKey = side === 'contractor' ? 'organizationId' : 'contractorId';
  const periodOk = dayPattern.test(from) && dayPattern.test(to) && from <= to;
  const statement = useStatement(party && periodOk ? { [partyKey]: party, from, to } : null);
  const partyLabel = side === 'contractor' ? 'Organization' : 'Contractor';
  const query = { [partyKey]: party ?? undefined, from, to };
  const options = parties.data?.parties.map((p) => ({ id: p.id, label: p.name })) ?? [];
  return (
    <>
      <PageHeader
        title="Money"
        description={
          side === 'contractor'
            ? 'What is approved and not paid yet, your statement with each organization, and your payment history to keep or file.'
            : "What you owe each contractor, a contractor's statement, and the payment history as CSV or PDF."
        }
      />
      <div className="flex flex-col gap-4">
        <Section title="Approved, not paid yet">
          <Balances side={side} />
        </Section>
        <Section
          title="Statement"
          description="Opening balance, approvals, payments and closing balance per currency, on the organization's calendar."
        >
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <TextField
              label={`Find ${partyLabel.toLowerCase()}`}
              value={find}
              onChange={setFind}
              description={parties.data?.more ? 'Showing the first 50: type to narrow.' : undefined}
            />
            <SelectField
              label={partyLabel}
              options={options}
              value={party}
              onChange={(value) => onSearchChange({ ...search, party: value ?? undefined })}
              placeholder={`Choose ${partyLabel.toLowerCase()}…`}
            />
            <TextField
              label="From"
              type="date"
              value={from}
              onChange={(value) => onSearchChange({ ...search, from: value || undefined })}
            />
            <TextField
              label="To"
              type="date"
              value={to}
              onChange={(value) => onSearchChange({ ...search, to: value || undefined })}
              errorMessage={periodOk ? undefined : 'Choose an end on or after the start.'}
            />
          </div>
          {!party ? (
            <p className="text-slate-700">Choose {side === 'contractor' ? 'an organization' : 'a contractor'} to see the statement.</p>
          ) : statement.isPending ? (
            <LoadingState label="Loading the statement…" />
          ) : statement.isError ? (
            <Alert tone="error" title="The statement could not be loaded">
              {statement.error.message}
            </Alert>
          ) : (
            <>
              <div className="flex flex-wrap gap-3">
                <ExportButton
                  url={exportUrl('/api/money/statement.pdf', query)}
                  fileName="statement.pdf"
                  label="Download statement PDF"
                  variant="primary"
                />
                <ExportButton url={exportUrl('/api/money/statement.csv', query)} fileName="statement.csv" label="Download statement CSV" />
              </div>
              <StatementView statement={statement.data} />
            </>
          )}
        </Section>
        <Section
          title="Payment history"
          description={`Every payment sent in the period${party ? ` with the chosen ${partyLabel.toLowerCase()}` : side === 'staff' ? ', for all contractors' : ', with every organization'}. Large exports stream; progress shows while they download.`}
        >
          <div className="flex flex-wrap gap-3">
            <ExportButton url={exportUrl('/api/money/payments.csv', query)} fileName="payments.csv" label="Download history CSV" />
            <ExportButton url={exportUrl('/api/money/payments.pdf', query)} fileName="payments.pdf" label="Download history PDF" />
          </div>
        </Section>
      </div>
    </>
  );
}
