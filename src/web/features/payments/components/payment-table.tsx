import { TextLink } from '../../../components/ui/link.tsx';
import { Table, TableBody, TableHead, Td, Th, Tr } from '../../../components/ui/table.tsx';
import { formatDate, formatDay, formatMoney } from '../../../lib/format.intl.ts';
import type { Payment } from '../api/payment.types.ts';
import { PaymentStatusBadge } from './payment-status.badge.tsx';

export interface PaymentSelection {
  selected: ReadonlySet<string>;
  onToggle: (id: string, selected: boolean) => void;
  onToggleAll: (selected: boolean) => void;
}

export interface PaymentTableProps {
  label: string;
  items: readonly Payment[];
  detailHref: (id: string) => string;
  /** The company sees the payee; the contractor, the organization paying. */
  party: 'contractor' | 'organization';
  selection?: PaymentSelection;
}

/** Payments as rows (cards on a phone): what for, who, amount, status, dates. */
export function PaymentTable({ label, items, detailHref, party, selection }: PaymentTableProps) {
  const sendable = selection ? items.filter((p) => p.abilities.send) : [];
  const allSelected = sendable.length > 0 && sendable.every((p) => selection?.selected.has(p.id));
  return (
    <Table label={label}>
      <TableHead>
        {selection ? (
          <Th className="w-12">
            {sendable.length > 0 ? (
              <input
                type="checkbox"
                aria-label="Select every draft that can be sent in this list"
                checked={allSelected}
                onChange={(event) => selection.onToggleAll(event.target.checked)}
                className="size-5 cursor-pointer accent-blue-700"
              />
            ) : (
              <span className="sr-only">Select</span>
            )}
          </Th>
        ) : null}
        <Th>Payment</Th>
        <Th className="lg:text-right">Amount</Th>
        <Th>Status</Th>
        <Th>Dates</Th>
      </TableHead>
      <TableBody>
        {items.map((payment) => (
          <Tr key={payment.id}>
            {selection ? (
              <Td className="lg:w-12">
                {payment.abilities.send ? (
                  <input
                    type="checkbox"
                    aria-label={`Select ${payment.description ?? 'payment'} to ${payment.contractorName}`}
                    checked={selection.selected.has(payment.id)}
                    onChange={(event) => selection.onToggle(payment.id, event.target.checked)}
                    className="size-5 cursor-pointer accent-blue-700"
                  />
                ) : null}
              </Td>
            ) : null}
            <Td label="Payment">
              <div className="flex flex-col">
                <TextLink href={detailHref(payment.id)} className="font-medium">
                  {payment.description ?? 'Payment'}
                </TextLink>
                <span className="text-sm text-slate-700">{party === 'contractor' ? payment.contractorName : payment.organizationName}</span>
              </div>
            </Td>
            <Td label="Amount" className="tabular-nums lg:text-right">
              {formatMoney(payment)}
            </Td>
            <Td label="Status">
              <PaymentStatusBadge status={payment.status} awaitingApproval={payment.awaitingApproval} />
            </Td>
            <Td label="Dates" className="text-sm text-slate-700">
              {payment.sentOn
                ? `Sent ${formatDay(payment.sentOn)}${payment.expectedOn ? `, expected ${formatDay(payment.expectedOn)}` : ''}`
                : `Recorded ${formatDate(payment.createdAt)}`}
            </Td>
          </Tr>
        ))}
      </TableBody>
    </Table>
  );
}
