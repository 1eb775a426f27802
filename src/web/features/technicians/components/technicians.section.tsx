import { HardHat } from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { LoadMore } from '../../../components/ui/load-more.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { useTechnicians } from '../api/list-technicians.query.ts';

export interface TechniciansSectionProps {
  /** Whether the viewer may add technicians (from the team's abilities). */
  canAdd: boolean;
  addButton: ReactNode;
}

/** The crew on the Team page: each technician links to their page (details and accreditations). */
export function TechniciansSection({ canAdd, addButton }: TechniciansSectionProps) {
  const crew = useTechnicians();
  return (
    <Section
      title="Technicians"
      description="Your crew. They see only the jobs you assign them, and sign in with emailed links."
      actions={canAdd ? addButton : null}
    >
      <QueryView query={crew} loadingLabel="Loading your technicians…">
        {(data) => {
          const { items } = data;
          if (items.length === 0)
            return (
              <EmptyState
                icon={HardHat}
                headingLevel={3}
                title="No technicians yet"
                description={
                  canAdd
                    ? 'Add your technicians with the button above; you can then assign them jobs.'
                    : 'An admin of your business can add technicians.'
                }
              />
            );
          return (
            <>
              <DataList label="Technicians">
                {items.map((technician) => (
                  <DataListItem
                    key={technician.id}
                    title={<TextLink href={`/portal/team/technicians/${technician.id}`}>{technician.name}</TextLink>}
                    badges={technician.status === 'invited' ? <Badge tone="amber">Not signed in yet</Badge> : null}
                    subtitle={technician.email}
                    meta={technician.mobile ?? undefined}
                  />
                ))}
              </DataList>
              <LoadMore query={crew} />
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}
