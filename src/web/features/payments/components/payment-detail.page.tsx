import { paymentMethodLabels } from '../../../../shared/domain/payment.rules.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { Details } from '../../../components/ui/details.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { formatDateTime, formatDay, formatMoney } from '../../../lib/format.intl.ts';
import { usePayment } from '../api/get-payment.query.ts';
import { paymentEvents, usePaymentEvent } from '../api/payment-events.mutation.ts';
import type { PaymentDetail } from '../api/payment.types.ts';
import { NoteDialog } from './note.dialog.tsx';
import { PaymentActions } from './payment-actions.tsx';
import { PaymentProof } from './payment-proof.tsx';
import { PaymentStatusBadge, paymentStatusLabels } from './payment-status.badge.tsx';
import { SubjectMessagesLink } from '../../messages/components/subject-messages.link.tsx';

export interface PaymentDetailPageProps {
  paymentId: string;
  side: 'company' | 'contractor';
  back: { href: string; label: string };
  detailHref: (id: string) => string;
  onOpen?: (id: string) => void;
}

function detailsOf(p: PaymentDetail, side: 'company' | 'contractor', detailHref: (id: string) => string) {
  const items = [
    { label: 'Amount', value: <span className="font-semibold tabular-nums">{formatMoney(p)}</span> },
    { label: 'Status', value: <PaymentStatusBadge status={p.status} awaitingApproval={p.awaitingApproval} /> },
    side === 'company' ? { label: 'Contractor', value: p.contractorName } : { label: 'From', value: p.organizationName },
    { label: 'For', value: p.description ?? '—' },
  ];
  if (p.method) items.push({ label: 'Method', value: paymentMethodLabels[p.method] });
  if (p.reference) items.push({ label: 'Reference', value: p.reference });
  if (p.sentOn) items.push({ label: 'Sent on', value: formatDay(p.sentOn) });
  if (p.expectedOn) items.push({ label: 'Expected arrival', value: formatDay(p.expectedOn) });
  if (p.receivedAt) items.push({ label: 'Received', value: formatDateTime(p.receivedAt) });
  if (p.cancelReason) items.push({ label: 'Why it was cancelled', value: p.cancelReason });
  if (side === 'company') {
    if (p.createdByName) items.push({ label: 'Created by', value: p.createdByName });
    if (p.secondApprovedByName)
      items.push({ label: 'Second approval', value: `${p.secondApprovedByName}, ${formatDateTime(p.secondApprovedAt!)}` });
    if (p.sentByName) items.push({ label: 'Sent by', value: p.sentByName });
  }
  if (p.adjustsPaymentId)
    items.push({ label: 'Corrects', value: <TextLink href={detailHref(p.adjustsPaymentId)}>the sent payment it adjusts</TextLink> });
  return items;
}

function Notes({ payment, side }: { payment: PaymentDetail; side: 'company' | 'contractor' }) {
  const addNote = usePaymentEvent(paymentEvents.addNote);
  if (payment.notes.length === 0 && !payment.abilities.addNote) return null;
  return (
    <Section
      title="Dispute"
      description="The notes of both sides, oldest first."
      actions={
        payment.abilities.addNote ? (
          <NoteDialog
            trigger="Add a note"
            title="Add a note to the dispute"
            label="Your note"
            submitLabel="Add note"
            done="Note added"
            engagementId={payment.engagementId}
            fileLabel={side === 'company' ? 'More proof (optional)' : 'A file (optional)'}
            run={(note) => addNote.mutateAsync({ id: payment.id, ...note })}
          />
        ) : null
      }
    >
      <ol className="flex flex-col gap-3">
        {payment.notes.map((note) => (
          <li
            key={note.id}
            className={`rounded-md border p-3 ${note.side === 'company' ? 'border-slate-300 bg-white' : 'border-amber-300 bg-amber-50'}`}
          >
            <p className="text-sm text-slate-700">
              <span className="font-medium text-slate-900">
                {note.authorName ?? (note.side === 'company' ? 'The company' : 'The contractor')}
              </span>
              {' · '}
              {note.side === 'company' ? 'company' : 'contractor'} · {formatDateTime(note.createdAt)}
            </p>
            <p className="mt-1 whitespace-pre-wrap text-slate-900">{note.body}</p>
            {note.file ? <PaymentProof file={note.file} label="Attached to the note" /> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}

/** One payment, for either side: what was sent, how, the proof, and what each side may do next. */
export function PaymentDetailPage({ paymentId, side, back, detailHref, onOpen }: PaymentDetailPageProps) {
  const payment = usePayment(paymentId);
  return (
    <>
      <BackLink href={back.href} label={back.label} />
      <QueryView query={payment} loadingLabel="Loading the payment…">
        {(p) => (
          <div className="flex flex-col gap-6">
            <PageHeader
              title={`${formatMoney(p)}: ${p.description ?? 'Payment'}`}
              description={`${paymentStatusLabels[p.status]}${side === 'company' ? ` · ${p.contractorName}` : ` · from ${p.organizationName}`}`}
              actions={
                <>
                  <SubjectMessagesLink engagementId={p.engagementId} kind="payment" id={p.id} />
                  <PaymentActions payment={p} onAdjusted={(created) => onOpen?.(created.id)} />
                </>
              }
            />
            {p.awaitingApproval ? (
              <Alert tone="warning" title="Awaiting a second approval">
                Your organization asks a second person (owner, admin or finance, not its creator) to approve payments of this size before
                they are sent.
              </Alert>
            ) : null}
            {side === 'contractor' && p.status === 'sent' ? (
              <Alert tone="info" title="Did it arrive?">
                Confirm receipt when the money is in your account, or dispute it with a note.
              </Alert>
            ) : null}
            <Section title="Details">
              <Details items={detailsOf(p, side, detailHref)} />
            </Section>
            {p.proof ? (
              <Section title="Proof of payment">
                <PaymentProof file={p.proof} />
              </Section>
            ) : p.status !== 'draft' && p.status !== 'cancelled' ? (
              <Section title="Proof of payment">
                <p className="text-slate-700">No proof was attached when this payment was sent.</p>
              </Section>
            ) : null}
            <Notes payment={p} side={side} />
            {p.adjustments.length > 0 ? (
              <Section title="Adjustments">
                <ul className="flex flex-col gap-1">
                  {p.adjustments.map((a) => (
                    <li key={a.id}>
                      <TextLink href={detailHref(a.id)}>{formatMoney(a)}</TextLink> · {paymentStatusLabels[a.status]}
                    </li>
                  ))}
                </ul>
              </Section>
            ) : null}
          </div>
        )}
      </QueryView>
    </>
  );
}
