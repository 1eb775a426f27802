import { TextLink } from '../../../components/ui/link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/ui/query-view.tsx';
import { type StaffHome, useHome } from '../api/get-home.query.ts';
import { HomeSection, MilestoneRow, RevisionRow } from './home.section.tsx';
import { InvitationRow } from './invitation.row.tsx';
import { StaffMoneySections } from './money.sections.tsx';

export interface CompanyHomeHrefs {
  milestone: (id: string) => string;
  contract: (id: string) => string;
  toReview: string;
  overdue: string;
  contracts: string;
  invitations: string;
  contractors: string;
  money: string;
}

function CompanySections({ home, hrefs }: { home: StaffHome; hrefs: CompanyHomeHrefs }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <HomeSection
        id="home-review"
        title="Ready for review"
        count={home.toReview.count}
        listHref={hrefs.toReview}
        listLabel="Every milestone waiting for review"
        empty="No work is waiting for review. When a contractor marks a milestone ready, it appears here to approve or send back."
      >
        {home.toReview.items.map((m) => (
          <MilestoneRow key={m.id} milestone={m} href={hrefs.milestone(m.id)} />
        ))}
      </HomeSection>
      <HomeSection
        id="home-overdue"
        title="Overdue"
        count={home.overdue.count}
        listHref={hrefs.overdue}
        listLabel="Every overdue milestone"
        empty="Nothing is overdue. Milestones that pass their due date before approval show up here."
      >
        {home.overdue.items.map((m) => (
          <MilestoneRow key={m.id} milestone={m} href={hrefs.milestone(m.id)} late />
        ))}
      </HomeSection>
      <HomeSection
        id="home-revisions"
        title="Terms not acknowledged yet"
        count={home.unacknowledged.count}
        listHref={hrefs.contracts}
        listLabel="Active contracts"
        empty="Contractors have acknowledged every active contract and change of terms."
      >
        {home.unacknowledged.items.map((r) => (
          <RevisionRow key={`${r.contractId}:${r.number}`} revision={r} href={hrefs.contract(r.contractId)} />
        ))}
      </HomeSection>
      <HomeSection
        id="home-invitations"
        title="Invitations waiting"
        count={home.invitations.count}
        listHref={hrefs.invitations}
        listLabel="Every invitation"
        empty={
          <>
            No invitation is waiting for an answer. Invite a contractor from <TextLink href={hrefs.contractors}>Contractors</TextLink> to
            start working together.
          </>
        }
      >
        {home.invitations.items.map((i) => (
          <InvitationRow key={i.id} invitation={i} />
        ))}
      </HomeSection>
    </div>
  );
}

/** The company's landing page: what needs attention, with counts and links into the lists. */
export function CompanyHomePage({ hrefs }: { hrefs: CompanyHomeHrefs }) {
  const home = useHome();
  return (
    <>
      <PageHeader title="Home" description="What needs your attention across your contractors." />
      {home.isPending ? (
        <LoadingState label="Loading what needs attention…" />
      ) : home.isError ? (
        <ErrorState error={home.error} onRetry={() => void home.refetch()} />
      ) : home.data.kind === 'staff' ? (
        <div className="flex flex-col gap-4">
          <CompanySections home={home.data} hrefs={hrefs} />
          <StaffMoneySections money={home.data.money} moneyHref={hrefs.money} />
        </div>
      ) : null}
    </>
  );
}
