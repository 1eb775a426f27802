import { TextLink } from '../../../components/ui/link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { type ContractorHome, useHome } from '../api/get-home.query.ts';
import { HomeSection, MilestoneRow, RevisionRow } from './home.section.tsx';
import { InvitationRow } from './invitation.row.tsx';
import { ContractorMoneySections } from './money.sections.tsx';

export interface ContractorHomeHrefs {
  milestone: (id: string) => string;
  contract: (id: string) => string;
  deliver: string;
  contracts: string;
  team: string;
  organizations: string;
  money: string;
}

function ContractorSections({ home, hrefs }: { home: ContractorHome; hrefs: ContractorHomeHrefs }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <HomeSection
        id="home-changes"
        title="Changes requested"
        count={home.changesRequested.count}
        listHref={hrefs.deliver}
        listLabel="What's left to deliver"
        empty="Nothing was sent back. When an organization asks for changes, the milestone and the reason appear here."
      >
        {home.changesRequested.items.map((m) => (
          <MilestoneRow key={m.id} milestone={m} href={hrefs.milestone(m.id)} late={m.overdue} />
        ))}
      </HomeSection>
      <HomeSection
        id="home-revisions"
        title="Terms to acknowledge"
        count={home.unacknowledged.count}
        listHref={hrefs.contracts}
        listLabel="Your contracts"
        empty="You have acknowledged the terms of every active contract."
      >
        {home.unacknowledged.items.map((r) => (
          <RevisionRow key={`${r.contractId}:${r.number}`} revision={r} href={hrefs.contract(r.contractId)} />
        ))}
      </HomeSection>
      <HomeSection
        id="home-deliver"
        title="Left to deliver"
        count={home.toDeliver.count}
        listHref={hrefs.deliver}
        listLabel="What's left to deliver"
        empty={
          <>
            Nothing to deliver right now. When an organization adds a milestone to one of your contracts, it appears here; your{' '}
            <TextLink href={hrefs.organizations}>organizations</TextLink> list who you work with.
          </>
        }
      >
        {home.toDeliver.items.map((m) => (
          <MilestoneRow key={m.id} milestone={m} href={hrefs.milestone(m.id)} late={m.overdue} />
        ))}
      </HomeSection>
      <HomeSection
        id="home-review"
        title="Waiting for review"
        count={home.inReview.count}
        listHref={hrefs.deliver}
        listLabel="What's left to deliver"
        empty="No submitted work is waiting. Mark a milestone ready for review when it is done."
      >
        {home.inReview.items.map((m) => (
          <MilestoneRow key={m.id} milestone={m} href={hrefs.milestone(m.id)} />
        ))}
      </HomeSection>
      {home.invitations.count > 0 ? (
        <HomeSection
          id="home-invitations"
          title="Team invitations waiting"
          count={home.invitations.count}
          listHref={hrefs.team}
          listLabel="Your team"
          empty=""
        >
          {home.invitations.items.map((i) => (
            <InvitationRow key={i.id} invitation={i} />
          ))}
        </HomeSection>
      ) : null}
    </div>
  );
}

/** The contractor's landing page: what needs action, then what's left to deliver. */
export function ContractorHomePage({ hrefs }: { hrefs: ContractorHomeHrefs }) {
  const home = useHome();
  return (
    <>
      <PageHeader
        title="Home"
        description="When you get paid, what needs your action and what's left to deliver, for every organization you work with."
      />
      {home.isPending ? (
        <LoadingState label="Loading what needs your action…" />
      ) : home.isError ? (
        <ErrorState error={home.error} onRetry={() => void home.refetch()} />
      ) : home.data.kind === 'contractor' ? (
        <div className="flex flex-col gap-4">
          <ContractorMoneySections money={home.data.money} moneyHref={hrefs.money} />
          <ContractorSections home={home.data} hrefs={hrefs} />
        </div>
      ) : null}
    </>
  );
}
