import { Section } from '../../../components/ui/section.tsx';
import { ExportButton } from '../../../components/ui/export-button.tsx';
import { formatDateTime } from '../../../lib/format.intl.ts';
import type { SiteSheet } from '../api/get-site-sheet.query.ts';
import type { SiteWorkSender } from '../api/site-work.sender.ts';
import { PerformedForm } from './performed.form.tsx';
import { SiteStatusActions } from './site-status.actions.tsx';
import { TaskStepper } from './task.stepper.tsx';

function Visits({ sheet }: { sheet: SiteSheet }) {
  if (sheet.visits.length === 0) return null;
  return (
    <ul aria-label="Visits" className="flex flex-col gap-1 text-sm text-slate-800">
      {sheet.visits.map((visit) => (
        <li key={visit.id}>
          On site {formatDateTime(visit.arrivedAt)}
          {visit.by ? ` (${visit.by})` : ''}
          {visit.location ? ' · location recorded' : ''}
          {visit.outcome === 'revisit' ? ` · revisit required: ${visit.reason ?? ''}` : visit.outcome === 'performed' ? ' · performed' : ''}
        </li>
      ))}
    </ul>
  );
}

function Signoff({ sheet }: { sheet: SiteSheet }) {
  const { signoff, job } = sheet;
  if (!signoff) return null;
  return (
    <Section title="Performed and signed">
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-600">Performed</dt>
          <dd className="font-medium">{formatDateTime(signoff.performedAt)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Technician's signature</dt>
          <dd className="font-medium">
            {signoff.technicianName}, {formatDateTime(signoff.technicianSignedAt)}
          </dd>
        </div>
        {signoff.siteContactName ? (
          <div>
            <dt className="text-sm text-slate-600">Site contact's signature</dt>
            <dd className="font-medium">
              {signoff.siteContactName}
              {signoff.siteContactSignedAt ? `, ${formatDateTime(signoff.siteContactSignedAt)}` : ''}
            </dd>
          </div>
        ) : null}
        {signoff.notes ? (
          <div className="sm:col-span-2">
            <dt className="text-sm text-slate-600">Notes</dt>
            <dd className="whitespace-pre-wrap break-words">{signoff.notes}</dd>
          </div>
        ) : null}
      </dl>
      {sheet.abilities.downloadReport ? (
        <div className="mt-3">
          <ExportButton
            url={`/api/jobs/${encodeURIComponent(job.id)}/report`}
            fileName={`job-${job.number}-report.pdf`}
            label="Download the job report"
          />
        </div>
      ) : null}
    </Section>
  );
}

/**
 * The job as worked on site, for the technician's phone and the contractor's desk alike: on
 * site / revisit, the service tasks one by one with results, defects, remarks and photos,
 * "I've performed this work" with signatures, and afterwards the sign-off and the report.
 */
export function SiteWorkPanel({
  sheet,
  sender,
  savedSignatureUrl,
}: {
  sheet: SiteSheet;
  sender: SiteWorkSender;
  savedSignatureUrl: string | null;
}) {
  const { abilities } = sheet;
  return (
    <div className="flex flex-col gap-6">
      {abilities.onSite || abilities.revisit || sheet.visits.length > 0 ? (
        <Section title="On site">
          <div className="flex flex-col gap-3">
            <Visits sheet={sheet} />
            <SiteStatusActions sheet={sheet} sender={sender} />
          </div>
        </Section>
      ) : null}
      <Section title="Service tasks">
        <TaskStepper sheet={sheet} sender={sender} />
      </Section>
      {abilities.perform ? (
        <Section title="I've performed this work">
          <PerformedForm sheet={sheet} sender={sender} savedSignatureUrl={savedSignatureUrl} />
        </Section>
      ) : null}
      <Signoff sheet={sheet} />
    </div>
  );
}
