import { useEffect, useMemo, useRef, useState } from 'react';
import { computeInvoiceTotals, formatScaledDecimal, parseScaledDecimal } from '../../../../shared/domain/invoice.totals.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { FileDrop } from '../../../components/ui/file-drop.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { SelectField } from '../../../components/ui/select.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { UploadList } from '../../../components/ui/upload-list.tsx';
import { describeError, isApiError } from '../../../lib/api.client.ts';
import { formatMoney, todayDay } from '../../../lib/format.intl.ts';
import { formatMoneyInput } from '../../../lib/money.input.ts';
import { useBillableMilestones } from '../api/billable-milestones.query.ts';
import { useInvoiceableEngagements } from '../api/engagement-choices.query.ts';
import { useInvoice } from '../api/get-invoice.query.ts';
import type { InvoiceDetail } from '../api/invoice.types.ts';
import { useInvoicedJob } from '../api/invoiced-job.query.ts';
import { useSubmitInvoice } from '../api/submit-invoice.mutation.ts';
import { useInvoiceDocument } from './invoice-document.upload.ts';
import { InvoiceLinesEditor, type LineDraft, parseLine } from './invoice-lines.editor.tsx';

export interface NewInvoicePageProps {
  /** The rejected invoice this one corrects. */
  correctsInvoiceId?: string;
  /** "Invoice this job": the job this invoice is for (its engagement, and a line for its PO amount). */
  jobId?: string;
  backHref: string;
  businessDetailsHref: string;
  onSubmitted: (invoice: InvoiceDetail) => void;
}

const inDays = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return todayDay(d);
};

/** Server field errors by line: "lines.2.amountMinor" → { 2: message }. */
function lineErrorsOf(error: unknown): Record<number, string> {
  if (!isApiError(error)) return {};
  const found: Record<number, string> = {};
  for (const f of error.fieldErrors ?? []) {
    const match = /lines\.(\d+)\./.exec(f.path);
    if (match) found[Number(match[1])] = f.message;
  }
  return found;
}

/** A new invoice (or the correction of a rejected one): lines with live totals, and the document uploaded or generated. */
export function NewInvoicePage({ correctsInvoiceId, jobId, backHref, businessDetailsHref, onSubmitted }: NewInvoicePageProps) {
  const engagements = useInvoiceableEngagements();
  const corrected = useInvoice(correctsInvoiceId);
  const job = useInvoicedJob(jobId);
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [issueOn, setIssueOn] = useState(todayDay());
  const [dueOn, setDueOn] = useState(inDays(30));
  const [currency, setCurrency] = useState('EUR');
  const [taxRate, setTaxRate] = useState('0');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [mode, setMode] = useState<'upload' | 'generate'>('upload');
  const [failure, setFailure] = useState<unknown>(null);
  const key = useRef(crypto.randomUUID());
  const document = useInvoiceDocument(engagementId);
  const billable = useBillableMilestones(engagementId);
  const submit = useSubmitInvoice();

  // A correction starts from the rejected invoice.
  const prefilled = useRef(false);
  useEffect(() => {
    const source = corrected.data;
    if (!source || prefilled.current) return;
    prefilled.current = true;
    setEngagementId(source.engagementId);
    setNumber(source.number);
    setCurrency(source.currency);
    setTaxRate(formatScaledDecimal(source.taxRateBp, 2));
    setNote(source.note);
    setLines(
      source.lines
        .filter((l) => !l.milestone)
        .map((l) => ({
          key: crypto.randomUUID(),
          description: l.description,
          quantity: formatScaledDecimal(l.quantityMilli, 3),
          unitAmount: formatMoneyInput(l.unitAmountMinor, source.currency),
        })),
    );
  }, [corrected.data]);
  // "Invoice this job" starts from the job: its engagement, and one line for its purchase order.
  useEffect(() => {
    const source = job.data;
    if (!source || prefilled.current) return;
    prefilled.current = true;
    setEngagementId(source.engagementId);
    if (source.poCurrency) setCurrency(source.poCurrency);
    setLines([
      {
        key: crypto.randomUUID(),
        description: `Job ${source.number}: ${source.siteName}${source.poNumber ? ` (PO ${source.poNumber})` : ''}`,
        quantity: '1',
        unitAmount: source.poAmountMinor !== null && source.poCurrency ? formatMoneyInput(source.poAmountMinor, source.poCurrency) : '',
      },
    ]);
  }, [job.data]);
  useEffect(() => {
    if (!engagementId && engagements.data?.length === 1) setEngagementId(engagements.data[0]!.id);
  }, [engagements.data, engagementId]);

  const parsed = lines.map((l) => parseLine(l, currency));
  const taxRateBp = parseScaledDecimal(taxRate, 2);
  const ready =
    parsed.length > 0 && parsed.every((l) => l.description && l.amountMinor !== null) && taxRateBp !== null && taxRateBp <= 10_000;
  const totals = useMemo(
    () =>
      ready
        ? computeInvoiceTotals(
            parsed.map((l) => ({ quantityMilli: l.quantityMilli!, unitAmountMinor: l.unitAmountMinor! })),
            taxRateBp!,
          )
        : null,
    [ready, parsed, taxRateBp],
  );
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency });
  const chosen = new Set(lines.flatMap((l) => (l.milestoneId ? [l.milestoneId] : [])));

  function toggleMilestone(m: { id: string; title: string; amountMinor: number; currency: string }, on: boolean) {
    if (on) {
      setCurrency(m.currency);
      setLines([
        ...lines,
        {
          key: crypto.randomUUID(),
          description: m.title,
          quantity: '1',
          unitAmount: formatMoneyInput(m.amountMinor, m.currency),
          milestoneId: m.id,
        },
      ]);
    } else setLines(lines.filter((l) => l.milestoneId !== m.id));
  }

  async function send() {
    if (!engagementId || !totals || taxRateBp === null) return;
    setFailure(null);
    try {
      const invoice = await submit.mutateAsync({
        key: key.current,
        body: {
          engagementId,
          number: number.trim(),
          issueOn,
          dueOn,
          currency,
          taxRateBp,
          lines: parsed.map((l, i) => ({
            description: l.description,
            quantityMilli: l.quantityMilli!,
            unitAmountMinor: l.unitAmountMinor!,
            amountMinor: totals.lineAmountsMinor[i]!,
            ...(l.milestoneId ? { milestoneId: l.milestoneId } : {}),
          })),
          subtotalMinor: totals.subtotalMinor,
          taxMinor: totals.taxMinor,
          totalMinor: totals.totalMinor,
          note,
          generate: mode === 'generate',
          ...(mode === 'upload' && document.fileId ? { fileId: document.fileId } : {}),
          ...(correctsInvoiceId ? { correctsInvoiceId } : {}),
          ...(jobId ? { jobId } : {}),
        },
      });
      onSubmitted(invoice);
    } catch (error) {
      // A refused answer is final for this attempt: the next press is a new request.
      key.current = crypto.randomUUID();
      setFailure(error);
    }
  }

  const canSend = Boolean(engagementId && number.trim() && ready && (mode === 'generate' || document.fileId)) && !submit.isPending;
  return (
    <>
      <BackLink href={backHref} label="All invoices" />
      <PageHeader
        title={
          correctsInvoiceId
            ? `Correct invoice ${corrected.data?.number ?? ''}`
            : job.data
              ? `Invoice job ${job.data.number}: ${job.data.siteName}`
              : 'New invoice'
        }
        description="Invoice approved milestones or other work. Totals are computed as you type and checked again by the server."
      />
      {corrected.data?.rejectReason ? (
        <Alert tone="error" title="Why it was rejected" className="mb-4">
          {corrected.data.rejectReason}
        </Alert>
      ) : null}
      <form
        className="flex flex-col gap-6"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <Section title="Who and when">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <SelectField
              label="Organization"
              options={(engagements.data ?? []).map((e) => ({ id: e.id, label: e.organization.name }))}
              value={engagementId}
              onChange={(id) => {
                setEngagementId(id);
                setLines(lines.filter((l) => !l.milestoneId));
              }}
              isDisabled={Boolean(correctsInvoiceId || jobId)}
              isRequired
            />
            <TextField label="Invoice number" value={number} onChange={setNumber} maxLength={64} isRequired />
            <TextField label="Issue date" type="date" value={issueOn} onChange={setIssueOn} isRequired />
            <TextField label="Due date" type="date" value={dueOn} onChange={setDueOn} isRequired />
            <TextField
              label="Currency"
              description="ISO code, such as EUR."
              value={currency}
              onChange={(v) => setCurrency(v.toUpperCase())}
              maxLength={3}
              isRequired
            />
            <TextField
              label="Tax rate (%)"
              value={taxRate}
              onChange={setTaxRate}
              inputMode="decimal"
              errorMessage={taxRateBp === null || taxRateBp > 10_000 ? 'A rate from 0 to 100, up to 2 decimals.' : undefined}
            />
          </div>
        </Section>
        {engagementId && (billable.data?.items.length ?? 0) > 0 ? (
          <Section
            title="Approved milestones"
            description="Each is invoiced for its approved amount; its payment is already being prepared, so it is not paid twice."
          >
            <div className="flex flex-col gap-2">
              {billable.data!.items.map((m) => (
                <Checkbox key={m.id} isSelected={chosen.has(m.id)} onChange={(on) => toggleMilestone(m, on)}>
                  {m.title} · {formatMoney({ amountMinor: m.amountMinor, currency: m.currency })} ({m.contractTitle})
                </Checkbox>
              ))}
            </div>
          </Section>
        ) : null}
        <Section title="What you invoice">
          <InvoiceLinesEditor lines={lines} currency={currency} onChange={setLines} errors={lineErrorsOf(failure)} />
          <dl className="mt-4 ml-auto grid max-w-xs grid-cols-2 gap-1 text-right" aria-live="polite">
            <dt>Subtotal</dt>
            <dd>{totals ? money(totals.subtotalMinor) : '—'}</dd>
            <dt>Tax</dt>
            <dd>{totals ? money(totals.taxMinor) : '—'}</dd>
            <dt className="font-semibold">Total</dt>
            <dd className="font-semibold">{totals ? money(totals.totalMinor) : '—'}</dd>
          </dl>
        </Section>
        <Section title="The invoice document">
          <div className="flex flex-col gap-3">
            <Checkbox isSelected={mode === 'generate'} onChange={(on) => setMode(on ? 'generate' : 'upload')}>
              Let Portico generate the PDF from my business details and these lines
            </Checkbox>
            {mode === 'generate' ? (
              <p className="text-sm text-slate-700">
                It prints your{' '}
                <a className="underline" href={businessDetailsHref}>
                  business details
                </a>
                : fill them in first.
              </p>
            ) : (
              <>
                {document.item ? null : (
                  <FileDrop
                    label="Invoice file"
                    description={engagementId ? 'A PDF or an image of your invoice.' : 'Choose the organization first.'}
                    buttonLabel="Choose a file"
                    allowsMultiple={false}
                    isDisabled={!engagementId}
                    onFiles={document.add}
                  />
                )}
                <UploadList label="Invoice file" items={document.item ? [document.item] : []} onRemove={document.remove} />
              </>
            )}
            <TextField label="Note (optional)" multiline rows={2} value={note} onChange={setNote} maxLength={2000} />
          </div>
        </Section>
        {failure ? <Alert tone="error">{describeError(failure)}</Alert> : null}
        <div>
          <Button type="submit" isDisabled={!canSend}>
            {submit.isPending ? 'Submitting…' : correctsInvoiceId ? 'Submit the corrected invoice' : 'Submit invoice'}
          </Button>
        </div>
      </form>
    </>
  );
}
