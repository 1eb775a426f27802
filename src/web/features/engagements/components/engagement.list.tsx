import type { Engagement } from '../api/engagement.types.ts';
import { DataList, DataListItem } from '../../../components/ui/data-list.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { formatDate } from '../../../lib/format.intl.ts';
import { EngagementStatusBadge } from './engagement-status.badge.tsx';

export interface EngagementListProps {
  items: readonly Engagement[];
  /** Whose name to show: the contractor (company side) or the organization (contractor side). */
  show: 'contractor' | 'organization';
  label: string;
  detailHref: (id: string) => string;
}

export function EngagementList({ items, show, label, detailHref }: EngagementListProps) {
  return (
    <DataList label={label}>
      {items.map((engagement) => (
        <DataListItem
          key={engagement.id}
          title={<TextLink href={detailHref(engagement.id)}>{engagement[show].name}</TextLink>}
          badges={<EngagementStatusBadge status={engagement.status} />}
          meta={`Since ${formatDate(engagement.createdAt)}`}
        />
      ))}
    </DataList>
  );
}
