import { CheckCircle2, ExternalLink, RotateCcw } from 'lucide-react';
import { Badge } from '../../../components/ui/badge.tsx';
import { FileList } from '../../../components/ui/file-list.tsx';
import { Section } from '../../../components/ui/section.tsx';
import { formatDateTime } from '../../../lib/format.intl.ts';
import type { Submission } from '../api/milestone.types.ts';

function Review({ review }: { review: NonNullable<Submission['review']> }) {
  const approved = review.outcome === 'approved';
  return (
    <div
      className={`flex flex-col gap-1 rounded-md border p-3 ${approved ? 'border-green-300 bg-green-50' : 'border-amber-300 bg-amber-50'}`}
    >
      <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
        {approved ? (
          <CheckCircle2 aria-hidden="true" className="size-4 text-green-800" />
        ) : (
          <RotateCcw aria-hidden="true" className="size-4 text-amber-900" />
        )}
        {approved ? 'Approved' : 'Changes requested'}
        <span className="text-sm font-normal text-slate-700">
          {formatDateTime(review.reviewedAt)}
          {review.reviewedByName ? ` by ${review.reviewedByName}` : ''}
        </span>
      </p>
      {review.note ? <p className="whitespace-pre-line text-slate-800">{review.note}</p> : null}
    </div>
  );
}

function SubmissionItem({ submission, latest }: { submission: Submission; latest: boolean }) {
  return (
    <li className="flex flex-col gap-3 p-4">
      <div>
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-semibold text-slate-900">Version {submission.version}</h3>
          {latest ? <Badge tone="blue">Latest</Badge> : null}
        </div>
        <p className="text-sm text-slate-700">
          Submitted {formatDateTime(submission.createdAt)}
          {submission.submittedByName ? ` by ${submission.submittedByName}` : ''}
        </p>
      </div>
      {submission.note ? (
        <div>
          <p className="text-sm font-medium text-slate-900">Note</p>
          <p className="whitespace-pre-line text-slate-800">{submission.note}</p>
        </div>
      ) : null}
      {submission.files.length > 0 ? (
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium text-slate-900">Files</p>
          <FileList files={submission.files} label={`Files of version ${submission.version}`} />
        </div>
      ) : null}
      {submission.links.length > 0 ? (
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium text-slate-900">Links</p>
          <ul aria-label={`Links of version ${submission.version}`} className="flex flex-col gap-1">
            {submission.links.map((link) => (
              <li key={link}>
                <a
                  href={link}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  className="inline-flex items-center gap-1 font-medium break-all text-blue-700 underline underline-offset-2 hover:text-blue-900"
                >
                  {link}
                  <ExternalLink aria-hidden="true" className="size-4 shrink-0" />
                  <span className="sr-only">(opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {submission.review ? <Review review={submission.review} /> : <p className="text-sm text-slate-700">Waiting for review.</p>}
    </li>
  );
}

/** Every submission, newest first: files, links, note and how it was reviewed. */
export function SubmissionHistory({ submissions, emptyText }: { submissions: readonly Submission[]; emptyText: string }) {
  return (
    <Section title="Submission history" description="Every version that was submitted for review, newest first.">
      {submissions.length === 0 ? (
        <p className="text-slate-700">{emptyText}</p>
      ) : (
        <ol aria-label="Submissions" className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {submissions.map((submission, index) => (
            <SubmissionItem key={submission.id} submission={submission} latest={index === 0} />
          ))}
        </ol>
      )}
    </Section>
  );
}
