import { sumByCurrency } from '../../../../shared/domain/money.ts';
import { MoneyAmounts } from '../../../components/ui/money-amounts.tsx';
import { Table, TableBody, TableHead, Td, Th, Tr } from '../../../components/ui/table.tsx';
import { formatDay, formatMoney } from '../../../lib/format.intl.ts';
import type { Statement } from '../api/get-statement.query.ts';

const kindLabels = { approved: 'Approved', cancelled: 'Cancelled', paid: 'Paid' } as const;

/** The statement on screen: totals per currency, then every entry with the balance after it. */
export function StatementView({ statement }: { statement: Statement }) {
  return (
    <div className="flex flex-col gap-4">
      {statement.totals.length === 0 ? (
        <p className="text-slate-700">No money was approved or paid in this period. Choose a longer period, or another party.</p>
      ) : (
        <dl className="grid gap-3 sm:grid-cols-2">
          {statement.totals.map((t) => (
            <div key={t.currency} className="rounded-md border border-slate-200 p-3">
              <dt className="font-semibold text-slate-900">{t.currency}</dt>
              <dd className="grid grid-cols-2 gap-x-3 text-sm text-slate-800">
                <span>Opening</span>
                <span className="text-right tabular-nums">{formatMoney({ amountMinor: t.openingMinor, currency: t.currency })}</span>
                <span>Approved</span>
                <span className="text-right tabular-nums">{formatMoney({ amountMinor: t.approvedMinor, currency: t.currency })}</span>
                <span>Cancelled</span>
                <span className="text-right tabular-nums">{formatMoney({ amountMinor: t.cancelledMinor, currency: t.currency })}</span>
                <span>Paid</span>
                <span className="text-right tabular-nums">{formatMoney({ amountMinor: t.paidMinor, currency: t.currency })}</span>
                <span className="font-semibold">Closing</span>
                <span className="text-right font-semibold tabular-nums">
                  {formatMoney({ amountMinor: t.closingMinor, currency: t.currency })}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {statement.lines.length > 0 ? (
        <Table label="Statement entries">
          <TableHead>
            <Th>Date</Th>
            <Th>Entry</Th>
            <Th>Description</Th>
            <Th className="lg:text-right">Amount</Th>
            <Th className="lg:text-right">Balance</Th>
          </TableHead>
          <TableBody>
            {statement.lines.map((line) => (
              <Tr key={`${line.paymentId}:${line.kind}`}>
                <Td label="Date">{formatDay(line.date)}</Td>
                <Td label="Entry">{kindLabels[line.kind]}</Td>
                <Td label="Description">
                  {line.description}
                  {line.reference ? <span className="block text-sm text-slate-700">Reference {line.reference}</span> : null}
                </Td>
                <Td label="Amount" className="tabular-nums lg:text-right">
                  {formatMoney({ amountMinor: line.amountMinor, currency: line.currency })}
                </Td>
                <Td label="Balance" className="tabular-nums lg:text-right">
                  {formatMoney({ amountMinor: line.balanceMinor, currency: line.currency })}
                </Td>
              </Tr>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {statement.invoices.length > 0 ? (
        <p className="text-sm text-slate-700">
          Invoices issued in the period: {statement.invoices.map((i) => `${i.number} (${i.status})`).join(', ')}. Totals:{' '}
          <MoneyAmounts amounts={sumByCurrency(statement.invoices.map((i) => ({ amountMinor: i.totalMinor, currency: i.currency })))} />
        </p>
      ) : null}
    </div>
  );
}
