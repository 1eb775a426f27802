import { paymentMethodLabels } from '../../../../shared/domain/payment.rules.ts';
import { TextLink } from '../../../components/ui/link.tsx';
import { downloadHref } from '../../../lib/download.href.ts';
import { formatDay, formatMoney } from '../../../lib/format.intl.ts';
import type { ContractorHome, StaffHome } from '../api/get-home.query.ts';
import { HomeSection } from './home.section.tsx';

type HomePayment = ContractorHome['money']['upcoming']['items'][number];
type HomeInvoice = ContractorHome['money']['invoicesRejected']['items'][number];

/** Where a payment's own page is, per side (its proof, confirm receipt or dispute, the dispute's notes). */
const paymentPageOf = {
  contractor: (id: string) => `/portal/payments/${encodeURIComponent(id)}`,
  staff: (id: string) => `/app/payments/${encodeURIComponent(id)}`,
};

function PaymentRow({
  payment,
  side,
  showArrival = false,
}: {
  payment: HomePayment;
  side: keyof typeof paymentPageOf;
  showArrival?: boolean;
}) {
  const amount = formatMoney({ amountMinor: payment.amountMinor, currency: payment.currency });
  return (
    <li className="flex flex-col gap-1 py-2">
      <span className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span className="min-w-0 font-medium text-slate-900">{payment.partyName}</span>
        <span className="font-semibold tabular-nums">{amount}</span>
      </span>
      {payment.description ? <span className="text-sm text-slate-700">{payment.description}</span> : null}
      <span className="text-sm text-slate-800">
        {payment.method ? paymentMethodLabels[payment.method] : 'Not sent yet'}
        {payment.reference ? ` · Ref. ${payment.reference}` : ''}
        {payment.sentOn ? ` · Sent ${formatDay(payment.sentOn)}` : ''}
        {showArrival && payment.expectedOn ? (
          <>
            {' · '}
            <strong>Expected {formatDay(payment.expectedOn)}</strong>
          </>
        ) : null}
      </span>
      {payment.proofFileId ? (
        <TextLink href={`${downloadHref(payment.proofFileId)}?inline=1`} target="_blank" rel="noopener">
          View proof of payment of {amount}
        </TextLink>
      ) : null}
      <TextLink href={paymentPageOf[side](payment.id)}>
        {payment.abilities.confirmReceipt ? `Confirm receipt of ${amount}, or dispute it` : `Open the payment of ${amount}`}
      </TextLink>
    </li>
  );
}

function InvoiceRow({ invoice }: { invoice: HomeInvoice }) {
  return (
    <li className="flex flex-col gap-0.5 py-2">
      <span className="flex flex-wrap justify-between gap-x-3">
        <span className="font-medium text-slate-900">
          Invoice {invoice.number} · {invoice.partyName}
        </span>
        <span className="tabular-nums">{formatMoney({ amountMinor: invoice.totalMinor, currency: invoice.currency })}</span>
      </span>
      {invoice.rejectReason ? <span className="text-sm text-slate-700">Rejected: {invoice.rejectReason}</span> : null}
    </li>
  );
}

/** "When am I getting paid?": the balance, what is on the way and when it should arrive, what needs action. */
export function ContractorMoneySections({ money, moneyHref }: { money: ContractorHome['money']; moneyHref: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-labelledby="home-balance" className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="home-balance" className="text-lg font-semibold text-slate-900">
          Approved, not paid yet
        </h2>
        {money.balances.length === 0 ? (
          <p className="text-slate-700">
            Nothing is waiting to be paid. When an organization approves your work or an invoice, the amount appears here.
          </p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200">
            {money.balances.map((b) => (
              <li key={`${b.organizationId}:${b.currency}`} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2">
                <span>{b.organizationName}</span>
                <span className="text-lg font-semibold tabular-nums">
                  {formatMoney({ amountMinor: b.amountMinor, currency: b.currency })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <TextLink href={moneyHref}>Statements and payment history</TextLink>
        </p>
      </section>
      <HomeSection
        id="home-upcoming"
        title="On the way: confirm when it arrives"
        count={money.upcoming.count}
        listHref={moneyHref}
        listLabel="Payment history"
        empty="No payment is on its way. When an organization sends one, it appears here with its expected arrival and proof."
      >
        {money.upcoming.items.map((p) => (
          <PaymentRow key={p.id} side="contractor" payment={p} showArrival />
        ))}
      </HomeSection>
      {money.disputed.count > 0 ? (
        <HomeSection
          id="home-disputed"
          title="Disputed: waiting for the organization"
          count={money.disputed.count}
          listHref={moneyHref}
          listLabel="Payment history"
          empty=""
        >
          {money.disputed.items.map((p) => (
            <PaymentRow key={p.id} side="contractor" payment={p} />
          ))}
        </HomeSection>
      ) : null}
      {money.invoicesRejected.count > 0 ? (
        <HomeSection
          id="home-invoices-rejected"
          title="Invoices to correct"
          count={money.invoicesRejected.count}
          listHref={moneyHref}
          listLabel="Money"
          empty=""
        >
          {money.invoicesRejected.items.map((i) => (
            <InvoiceRow key={i.id} invoice={i} />
          ))}
        </HomeSection>
      ) : null}
      <section aria-labelledby="home-recent" className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="home-recent" className="text-lg font-semibold text-slate-900">
          Recent payments
        </h2>
        {money.recent.length === 0 ? (
          <p className="text-slate-700">No payments yet.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200">
            {money.recent.map((p) => (
              <PaymentRow key={p.id} side="contractor" payment={p} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The company's money: totals per currency, drafts to send or approve, disputes, invoices to review. */
export function StaffMoneySections({ money, moneyHref }: { money: StaffHome['money']; moneyHref: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-labelledby="home-owed" className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="home-owed" className="text-lg font-semibold text-slate-900">
          Money per currency
        </h2>
        {money.totals.length === 0 ? (
          <p className="text-slate-700">Nothing to pay. Approving a milestone or an invoice creates a draft payment.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200">
            {money.totals.map((t) => (
              <li key={t.currency} className="flex flex-col gap-0.5 py-2 text-slate-800">
                <span className="font-semibold text-slate-900">{t.currency}</span>
                <span>
                  To pay: <span className="tabular-nums">{formatMoney({ amountMinor: t.draftMinor, currency: t.currency })}</span> (
                  {t.draftCount} drafts)
                </span>
                <span>
                  Sent, not confirmed:{' '}
                  <span className="tabular-nums">{formatMoney({ amountMinor: t.inFlightMinor, currency: t.currency })}</span> (
                  {t.inFlightCount})
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <TextLink href={moneyHref}>Statements and exports</TextLink>
        </p>
      </section>
      <HomeSection
        id="home-to-send"
        title="Drafts to send"
        count={money.toSend.count}
        listHref={moneyHref}
        listLabel="Money"
        empty="No draft is waiting to be sent."
      >
        {money.toSend.items.map((p) => (
          <PaymentRow key={p.id} side="staff" payment={p} />
        ))}
      </HomeSection>
      {money.toApprove.count > 0 ? (
        <HomeSection
          id="home-to-approve"
          title="Drafts waiting for a second approval"
          count={money.toApprove.count}
          listHref={moneyHref}
          listLabel="Money"
          empty=""
        >
          {money.toApprove.items.map((p) => (
            <PaymentRow key={p.id} side="staff" payment={p} />
          ))}
        </HomeSection>
      ) : null}
      {money.disputes.count > 0 ? (
        <HomeSection
          id="home-disputes"
          title="Disputed payments"
          count={money.disputes.count}
          listHref={moneyHref}
          listLabel="Money"
          empty=""
        >
          {money.disputes.items.map((p) => (
            <PaymentRow key={p.id} side="staff" payment={p} />
          ))}
        </HomeSection>
      ) : null}
      <HomeSection
        id="home-invoices"
        title="Invoices to review"
        count={money.invoicesToReview.count}
        listHref={moneyHref}
        listLabel="Money"
        empty="No invoice is waiting for review."
      >
        {money.invoicesToReview.items.map((i) => (
          <InvoiceRow key={i.id} invoice={i} />
        ))}
      </HomeSection>
    </div>
  );
}
