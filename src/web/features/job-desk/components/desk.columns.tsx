import { columnVisibilityFeature, createColumnHelper, rowSelectionFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { jobPriorityLabels } from '../../../../shared/domain/accreditations.ts';
import { jobStatusLabels } from '../../../../shared/domain/job.machine.ts';
import type { DeskSort } from '../../../../shared/schemas/job-desk.schema.ts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { ButtonLink, TextLink } from '../../../components/ui/link.tsx';
import { formatDate, formatDay, formatMoney } from '../../../lib/format.intl.ts';
import type { DeskJob } from '../api/list-desk-jobs.query.ts';

/*
 * The desk table's columns, for TanStack Table: which exist, their names, which sort (each
 * maps to a server sort: the server sorts, pages and filters; the table only shows a page and
 * keeps visibility, sorting and selection state). Hidden columns are the person's choice,
 * remembered in this browser (desk.preferences.ts).
 */

export const deskFeatures = tableFeatures({ columnVisibilityFeature, rowSelectionFeature, rowSortingFeature });

export interface DeskLinks {
  job: (id: string) => string;
  /** "Invoice this job": the invoice form with the job filled in. */
  invoice: (id: string) => string;
}

declare module '@tanstack/react-table' {
  interface ColumnMeta<TFeatures, TData, TValue> {
    /** The column's name in the column picker and on cards (narrow screens). */
    label?: string;
    /** The server's sort for this column. */
    sort?: DeskSort;
    /** Always shown: the picker cannot hide it. */
    fixed?: boolean;
  }
}

const helper = createColumnHelper<typeof deskFeatures, DeskJob>();

const statusTones: Record<DeskJob['status'], BadgeTone> = {
  assigned: 'blue',
  accepted: 'blue',
  rejected: 'red',
  scheduled: 'neutral',
  in_progress: 'amber',
  revisit: 'amber',
  performed_need_docs: 'amber',
  performed: 'green',
  closed: 'green',
  cancelled: 'neutral',
  archived: 'neutral',
};

export function deskColumns(links: DeskLinks) {
  return helper.columns([
    helper.display({ id: 'select', header: 'Select', meta: { fixed: true } }),
    helper.accessor('number', {
      id: 'job',
      header: 'Job',
      meta: { label: 'Job', fixed: true, sort: 'site' },
      cell: ({ row }) => (
        <span className="flex flex-col">
          <TextLink href={links.job(row.original.id)} className="font-medium">
            #{row.original.number} {row.original.siteName}
          </TextLink>
        </span>
      ),
    }),
    helper.accessor('siteAddress', { id: 'address', header: 'Address', meta: { label: 'Address' } }),
    helper.accessor((row) => row.organization.name, {
      id: 'organization',
      header: 'Organization',
      meta: { label: 'Organization', sort: 'organization' },
    }),
    helper.accessor('status', {
      id: 'status',
      header: 'Status',
      meta: { label: 'Status', sort: 'status' },
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-1">
          <Badge tone={statusTones[row.original.status]}>{jobStatusLabels[row.original.status]}</Badge>
          {row.original.overdue ? <Badge tone="red">Overdue</Badge> : null}
        </span>
      ),
    }),
    helper.accessor('priority', {
      id: 'priority',
      header: 'Priority',
      meta: { label: 'Priority', sort: 'priority' },
      cell: ({ row }) => jobPriorityLabels[row.original.priority],
    }),
    helper.accessor('dueOn', {
      id: 'due',
      header: 'Due',
      meta: { label: 'Due', sort: 'due' },
      cell: ({ row }) => formatDay(row.original.dueOn),
    }),
    helper.accessor('scheduledOn', {
      id: 'scheduled',
      header: 'Scheduled',
      meta: { label: 'Scheduled', sort: 'scheduled' },
      cell: ({ row }) =>
        row.original.scheduledOn ? formatDay(row.original.scheduledOn) : <span className="text-slate-600">Not scheduled</span>,
    }),
    helper.accessor((row) => row.technicians.map((t) => t.name).join(', '), {
      id: 'technicians',
      header: 'Technicians',
      meta: { label: 'Technicians' },
      cell: ({ row }) =>
        row.original.technicians.length > 0 ? (
          row.original.technicians.map((t) => t.name).join(', ')
        ) : (
          <span className="text-slate-600">None</span>
        ),
    }),
    helper.accessor('poNumber', {
      id: 'po',
      header: 'PO',
      meta: { label: 'PO', sort: 'po' },
      cell: ({ row }) => {
        const { poNumber, poAmountMinor, poCurrency } = row.original;
        if (!poNumber && poAmountMinor === null) return <span className="text-slate-600">None</span>;
        return (
          <span className="flex flex-col">
            {poNumber ? <span>{poNumber}</span> : null}
            {poAmountMinor !== null && poCurrency ? (
              <span className="text-sm text-slate-700">{formatMoney({ amountMinor: poAmountMinor, currency: poCurrency })}</span>
            ) : null}
          </span>
        );
      },
    }),
    helper.accessor('description', { id: 'description', header: 'Description', meta: { label: 'Description' } }),
    helper.accessor('createdAt', {
      id: 'created',
      header: 'Created',
      meta: { label: 'Created', sort: 'created' },
      cell: ({ row }) => formatDate(row.original.createdAt),
    }),
    helper.display({
      id: 'actions',
      header: 'Actions',
      meta: { label: 'Actions', fixed: true },
      cell: ({ row }) =>
        row.original.abilities.complete ? (
          <ButtonLink
            href={links.invoice(row.original.id)}
            variant="secondary"
            size="sm"
            aria-label={`Invoice job #${row.original.number}`}
          >
            Invoice this job
          </ButtonLink>
        ) : null,
    }),
  ]);
}

/** Shown until the person picks otherwise. */
export const defaultHiddenColumns = { address: false, description: false, created: false, priority: false } as const;
