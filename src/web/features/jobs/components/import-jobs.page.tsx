import { useEffect, useMemo, useRef, useState } from 'react';
import { exampleJobCsv, jobCsvColumns, requiredJobCsvColumns } from '../../../../shared/domain/job-import.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { BackLink } from '../../../components/ui/back-link.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ButtonLink } from '../../../components/ui/link.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { Table, TableBody, TableHead, Td, Th, Tr } from '../../../components/ui/table.tsx';
import { toastSuccess } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { formatBytes } from '../../../lib/format.intl.ts';
import { type JobImportMode, type JobImportResult, sendJobCsv } from '../api/import-jobs.request.ts';
import { useQueryClient } from '@tanstack/react-query';
import { jobKeys } from '../api/job.keys.ts';

type Step =
  | { kind: 'choose' }
  | { kind: 'sending'; mode: JobImportMode; progress: number }
  | { kind: 'preview'; result: JobImportResult }
  | { kind: 'imported'; result: JobImportResult };

function Progress({ mode, progress, file }: { mode: JobImportMode; progress: number; file: File }) {
  const percent = Math.round(progress * 100);
  const label = progress < 1 ? `Uploading ${file.name}… ${percent} %` : mode === 'preview' ? 'Checking every row…' : 'Importing the jobs…';
  return (
    <div className="flex flex-col gap-2">
      <progress className="h-2 w-full" max={100} value={percent} aria-label={`Upload of ${file.name}`} />
      <p role="status" className="text-slate-700">
        {label}
      </p>
    </div>
  );
}

function RefusedRows({ result }: { result: JobImportResult }) {
  if (result.refusedCount === 0) return <p className="text-slate-700">Every row can be imported.</p>;
  const lines = result.refused.flatMap((r) => r.problems.map((p, i) => ({ key: `${r.row}-${i}`, row: r.row, ...p })));
  return (
    <>
      <Table label="Refused rows">
        <TableHead>
          <Th>Row</Th>
          <Th>Column</Th>
          <Th>Reason</Th>
        </TableHead>
        <TableBody>
          {lines.map((line) => (
            <Tr key={line.key}>
              <Td label="Row">{line.row}</Td>
              <Td label="Column">{line.column ?? 'the row'}</Td>
              <Td label="Reason">{line.reason}</Td>
            </Tr>
          ))}
        </TableBody>
      </Table>
      {result.refusedCount > result.refused.length ? (
        <p className="mt-2 text-slate-700">
          The first {result.refused.length.toLocaleString()} of {result.refusedCount.toLocaleString()} refused rows are listed.
        </p>
      ) : null}
    </>
  );
}

/**
 * Import jobs from a CSV file: upload (with progress) → a preview of every refused row (row,
 * column, reason) and how many would import → "Import N jobs", written in one transaction.
 */
export function ImportJobsPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [failure, setFailure] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const exampleHref = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(exampleJobCsv())}`, []);
  useEffect(() => () => controller.current?.abort(), []);

  async function send(chosen: File, mode: JobImportMode) {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setFailure(null);
    setStep({ kind: 'sending', mode, progress: 0 });
    try {
      const result = await sendJobCsv(chosen, mode, {
        signal: abort.signal,
        onProgress: (progress) => setStep({ kind: 'sending', mode, progress }),
      });
      if (mode === 'import') {
        void queryClient.invalidateQueries({ queryKey: jobKeys.all });
        toastSuccess(`${result.imported.toLocaleString()} jobs imported`, 'Each contractor is told once about its new jobs.');
        setStep({ kind: 'imported', result });
      } else setStep({ kind: 'preview', result });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setFailure(describeError(error));
      setStep({ kind: 'choose' });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  function reset() {
    controller.current?.abort();
    setFile(null);
    setFailure(null);
    setStep({ kind: 'choose' });
  }

  return (
    <>
      <BackLink href="/app/jobs" label="All jobs" />
      <PageHeader
        title="Import jobs from CSV"
        description="Check the file first: every refused row is listed with the reason. Then import the rest in one go; nothing is half-imported."
        actions={
          <a
            href={exampleHref}
            download="portico-jobs-example.csv"
            className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
          >
            Download an example CSV
          </a>
        }
      />
      {failure ? (
        <Alert tone="error" title="The file was not imported" className="mb-6">
          {failure}
        </Alert>
      ) : null}
      <div className="flex max-w-3xl flex-col gap-8">
        {step.kind === 'choose' ? (
          <Section title="Choose the file" description="At most 5 MB and 5,000 rows. The first line names the columns.">
            {/* A native file input (one CSV): keyboard, screen readers and phones as the browser gives them. */}
            <label className="flex flex-col gap-1">
              <span className="text-sm font-medium text-slate-900">CSV file</span>
              <input
                type="file"
                accept=".csv,text/csv"
                className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1"
                onChange={(event) => {
                  const chosen = event.currentTarget.files?.[0];
                  if (!chosen) return;
                  setFile(chosen);
                  void send(chosen, 'preview');
                }}
              />
            </label>
            <details className="mt-4 text-slate-700">
              <summary className="cursor-pointer font-medium text-slate-900">Columns</summary>
              <p className="mt-2">
                {jobCsvColumns.join(', ')}. Required: {requiredJobCsvColumns.join(', ')}, and contractor (its name) or engagement_id. Dates
                as YYYY-MM-DD; accreditations separated by “;”; template by its name.
              </p>
            </details>
          </Section>
        ) : null}
        {step.kind === 'sending' && file ? (
          <Section title={step.mode === 'preview' ? 'Checking the file' : 'Importing'}>
            <Progress mode={step.mode} progress={step.progress} file={file} />
          </Section>
        ) : null}
        {step.kind === 'preview' && file ? (
          <Section
            title="Preview"
            description={`${file.name} (${formatBytes(file.size)}): ${step.result.totalRows.toLocaleString()} rows, ${step.result.accepted.toLocaleString()} can be imported, ${step.result.refusedCount.toLocaleString()} refused. Nothing is written yet.`}
          >
            <div className="flex flex-col gap-4">
              <RefusedRows result={step.result} />
              <div className="flex flex-wrap gap-2">
                {step.result.accepted > 0 ? (
                  <Button onPress={() => void send(file, 'import')}>
                    Import {step.result.accepted.toLocaleString()} job{step.result.accepted === 1 ? '' : 's'}
                  </Button>
                ) : null}
                <Button variant="secondary" onPress={reset}>
                  Choose another file
                </Button>
              </div>
            </div>
          </Section>
        ) : null}
        {step.kind === 'imported' ? (
          <Section title="Imported">
            <Alert tone="success" title={`${step.result.imported.toLocaleString()} jobs imported`}>
              {step.result.refusedCount > 0
                ? `${step.result.refusedCount.toLocaleString()} refused rows were left out: fix them and import them in a new file.`
                : 'Every row was imported.'}
            </Alert>
            <div className="mt-4 flex flex-wrap gap-2">
              <ButtonLink href="/app/jobs">See the jobs</ButtonLink>
              <Button variant="secondary" onPress={reset}>
                Import another file
              </Button>
            </div>
          </Section>
        ) : null}
      </div>
    </>
  );
}
