import { FileSignature, Plus } from 'lucide-react';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ButtonLink, TextLink } from '../../../components/ui/link.tsx';
import { MoneyAmounts } from '../../../components/ui/money-amounts.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import type { ContractFilters } from '../api/contract.keys.ts';
import type { ContractListItem } from '../api/contract.types.ts';
import { useContracts } from '../api/list-contracts.query.ts';
import { ContractFiltersBar } from './contract.filters.tsx';
import { describeRate, describeTerm } from './contract.format.ts';
import { ContractStatusBadge } from './contract-status.badge.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';

export interface ContractsPageProps {
  /** The company sees the contractor of each contract; the contractor sees the organization. */
  side: 'company' | 'contractor';
  filters: ContractFilters;
  onFiltersChange: (filters: ContractFilters) => void;
  detailHref: (id: string) => string;
  /** Where "New contract" leads (company side). */
  newHref?: string;
}

function ContractRow({ contract, side, href }: { contract: ContractListItem; side: ContractsPageProps['side']; href: string }) {
  const party = side === 'company' ? contract.contractor.name : contract.organization.name;
  const toAcknowledge = contract.unacknowledgedRevisions;
  return (
    <DataListItem
      title={<TextLink href={href}>{contract.title}</TextLink>}
      badges={
        <>
          <ContractStatusBadge status={contract.status} />
          {toAcknowledge > 0 ? (
            <Badge tone="amber">
              {contract.revision === 1
                ? side === 'contractor'
                  ? 'Terms to acknowledge'
                  : 'Terms not acknowledged'
                : side === 'contractor'
                  ? `${toAcknowledge} ${toAcknowledge === 1 ? 'revision' : 'revisions'} to acknowledge`
                  : `${toAcknowledge} ${toAcknowledge === 1 ? 'revision' : 'revisions'} not acknowledged`}
            </Badge>
          ) : null}
        </>
      }
      subtitle={`${side === 'company' ? 'Contractor' : 'Organization'}: ${party}`}
      meta={
        <>
          {describeRate(contract)} · {describeTerm(contract)}
        </>
      }
    >
      <p className="text-sm text-slate-700">
        Left to deliver: <MoneyAmounts amounts={contract.summary.leftToDeliver} empty="nothing" />
      </p>
    </DataListItem>
  );
}

export function ContractsPage({ side, filters, onFiltersChange, detailHref, newHref }: ContractsPageProps) {
  const contracts = useContracts(filters);
  const filtered = Boolean(filters.status || filters.q);
  const canCreate = contracts.data?.abilities.create === true && Boolean(newHref);
  return (
    <>
      <PageHeader
        title="Contracts"
        description={
          side === 'company'
            ? 'Scope, rate, term and milestones of the work your contractors do.'
            : 'The terms you work under with each organization, and what is left to deliver.'
        }
        actions={
          canCreate ? (
            <ButtonLink href={newHref}>
              <Plus aria-hidden="true" className="size-4" />
              New contract
            </ButtonLink>
          ) : null
        }
      />
      <ContractFiltersBar filters={filters} onChange={onFiltersChange} />
      <QueryView query={contracts} loadingLabel="Loading contracts…">
        {({ items }) => {
          if (items.length > 0)
            return (
              <DataList label="Contracts">
                {items.map((contract) => (
                  <ContractRow key={contract.id} contract={contract} side={side} href={detailHref(contract.id)} />
                ))}
              </DataList>
            );
          if (filtered)
            return (
              <EmptyState
                title="Nothing matches these filters"
                description="Try another status or search, or clear the filters."
                action={
                  <Button variant="secondary" onPress={() => onFiltersChange({})}>
                    Clear filters
                  </Button>
                }
              />
            );
          if (canCreate)
            return (
              <EmptyState
                icon={FileSignature}
                title="Create your first contract"
                description="Set the scope, rate and term with one of your contractors. It stays a draft until you activate it."
                action={<ButtonLink href={newHref}>New contract</ButtonLink>}
              />
            );
          return (
            <EmptyState
              icon={FileSignature}
              title="No contracts yet"
              description={
                side === 'company'
                  ? 'Owners, admins and managers of your organization can create contracts.'
                  : 'When an organization makes a contract with you, it appears here with its terms and milestones.'
              }
            />
          );
        }}
      </QueryView>
      <LoadMore query={contracts} />
    </>
  );
}

export interface EngagementContractsProps {
  engagementId: string;
  side: ContractsPageProps['side'];
  detailHref: (id: string) => string;
  newHref?: string;
}

/** The contracts of one engagement, on the contractor's or the organization's page. */
export function EngagementContracts({ engagementId, side, detailHref, newHref }: EngagementContractsProps) {
  const contracts = useContracts({ engagementId });
  return (
    <>
      <QueryView query={contracts} loadingLabel="Loading contracts…">
        {({ items, abilities }) =>
          items.length > 0 ? (
            <DataList label="Contracts of this engagement">
              {items.map((contract) => (
                <ContractRow key={contract.id} contract={contract} side={side} href={detailHref(contract.id)} />
              ))}
            </DataList>
          ) : (
            <EmptyState
              icon={FileSignature}
              title="No contracts here yet"
              description={
                abilities.create && newHref
                  ? 'Set the scope, rate and term of the work. It stays a draft until you activate it.'
                  : 'Contracts made for this engagement appear here with their terms and milestones.'
              }
              action={abilities.create && newHref ? <ButtonLink href={newHref}>New contract</ButtonLink> : undefined}
            />
          )
        }
      </QueryView>
      <LoadMore query={contracts} />
    </>
  );
}
