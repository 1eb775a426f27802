import { CheckCircle2, XCircle } from 'lucide-react';
import { TextLink } from '../../../components/ui/link.tsx';
import { Table, TableBody, TableHead, Td, Th, Tr } from '../../../components/ui/table.tsx';
import { formatDay, formatMoney } from '../../../lib/format.intl.ts';
import type { Milestone } from '../api/milestone.types.ts';
import { MilestoneStatusBadge, OverdueBadge } from './milestone-status.badge.tsx';

export interface RowOutcome {
  ok: boolean;
  detail: string | null;
}

export interface MilestoneSelection {
  selected: ReadonlySet<string>;
  onToggle: (id: string, selected: boolean) => void;
  /** Rows that can be selected (submitted, and the user may approve them). */
  isSelectable: (milestone: Milestone) => boolean;
  onToggleAll: (selected: boolean) => void;
}

export interface MilestoneTableProps {
  label: string;
  items: readonly Milestone[];
  detailHref: (id: string) => string;
  /** Which context columns to show: the contract's own page needs neither. */
  showContractor?: boolean;
  showContract?: boolean;
  showOrganization?: boolean;
  selection?: MilestoneSelection;
  outcomes?: ReadonlyMap<string, RowOutcome>;
}

export function MilestoneTable({
  label,
  items,
  detailHref,
  showContractor = false,
  showContract = false,
  showOrganization = false,
  selection,
  outcomes,
}: MilestoneTableProps) {
  const selectable = selection ? items.filter(selection.isSelectable) : [];
  const allSelected = selectable.length > 0 && selectable.every((m) => selection?.selected.has(m.id));
  return (
    <Table label={label}>
      <TableHead>
        {selection ? (
          <Th className="w-12">
            {selectable.length > 0 ? (
              <input
                type="checkbox"
                aria-label="Select every milestone ready for review in this list"
                checked={allSelected}
                onChange={(event) => selection.onToggleAll(event.target.checked)}
                className="size-5 cursor-pointer accent-blue-700"
              />
            ) : (
              <span className="sr-only">Select</span>
            )}
          </Th>
        ) : null}
        <Th>Milestone</Th>
        <Th>Due</Th>
        <Th className="lg:text-right">Amount</Th>
        <Th>Status</Th>
      </TableHead>
      <TableBody>
        {items.map((milestone) => {
          const outcome = outcomes?.get(milestone.id);
          const context = [
            showContractor ? milestone.contractor.name : null,
            showOrganization ? milestone.organization.name : null,
            showContract ? milestone.contract.title : null,
          ].filter(Boolean);
          return (
            <Tr key={milestone.id} highlight={milestone.overdue}>
              {selection ? (
                <Td className="lg:w-12">
                  {selection.isSelectable(milestone) ? (
                    <label className="flex min-h-11 cursor-pointer items-center gap-2 lg:min-h-0">
                      <input
                        type="checkbox"
                        checked={selection.selected.has(milestone.id)}
                        onChange={(event) => selection.onToggle(milestone.id, event.target.checked)}
                        className="size-5 cursor-pointer accent-blue-700"
                      />
                      <span className="sr-only">Select {milestone.title}</span>
                      <span aria-hidden="true" className="text-sm text-slate-700 lg:hidden">
                        Select
                      </span>
                    </label>
                  ) : null}
                </Td>
              ) : null}
              <Td className="flex-col lg:max-w-sm">
                <TextLink href={detailHref(milestone.id)} className="break-words">
                  {milestone.title}
                </TextLink>
                {context.length > 0 ? <span className="block text-sm text-slate-700">{context.join(' · ')}</span> : null}
                {outcome ? (
                  <span className={`flex items-start gap-1 text-sm font-medium ${outcome.ok ? 'text-green-800' : 'text-red-700'}`}>
                    {outcome.ok ? (
                      <CheckCircle2 aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                    ) : (
                      <XCircle aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                    )}
                    {outcome.ok ? 'Approved; draft payment created' : `Not approved: ${outcome.detail ?? 'unknown error'}`}
                  </span>
                ) : null}
              </Td>
              <Td label="Due">
                <span className="flex flex-wrap items-center gap-2">
                  <span className={milestone.overdue ? 'font-semibold text-red-800' : ''}>{formatDay(milestone.dueDate)}</span>
                  {milestone.overdue ? <OverdueBadge /> : null}
                </span>
              </Td>
              <Td label="Amount" className="tabular-nums lg:text-right">
                {formatMoney({ amountMinor: milestone.amountMinor, currency: milestone.currency })}
              </Td>
              <Td label="Status">
                <MilestoneStatusBadge status={milestone.status} />
              </Td>
            </Tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
