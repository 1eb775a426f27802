import type { Money } from '../../../shared/domain/money.ts';
import { formatMoney } from '../../lib/format.intl.ts';

/** Amounts per currency, never added across currencies; `empty` when there are none. */
export function MoneyAmounts({
  amounts,
  empty = 'None',
  className = '',
}: {
  amounts: readonly Money[];
  empty?: string;
  className?: string;
}) {
  const shown = amounts.filter((m) => m.amountMinor !== 0);
  if (shown.length === 0) return <span className={`text-slate-700 ${className}`.trim()}>{empty}</span>;
  if (shown.length === 1) return <span className={`font-semibold tabular-nums ${className}`.trim()}>{formatMoney(shown[0]!)}</span>;
  return (
    <ul className={`inline-flex flex-wrap gap-x-3 gap-y-1 ${className}`.trim()}>
      {shown.map((money) => (
        <li key={money.currency} className="font-semibold tabular-nums">
          {formatMoney(money)}
        </li>
      ))}
    </ul>
  );
}
