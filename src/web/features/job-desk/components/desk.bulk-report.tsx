import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import type { BulkResult } from '../api/desk.bulk.mutation.ts';
import type { DeskJob } from '../api/list-desk-jobs.query.ts';
import type { BulkAction } from './desk.bulk-dialog.tsx';

export interface ReportState {
  action: BulkAction;
  result: BulkResult;
}

const verbs: Record<BulkAction, string> = { staff: 'updated', accept: 'accepted', reject: 'rejected' };

/** What a bulk request did: how many changed, and each refused job with its reason. */
export function DeskBulkReport({ report, rows, onDismiss }: { report: ReportState; rows: readonly DeskJob[]; onDismiss: () => void }) {
  const { result } = report;
  const named = new Map(rows.map((row) => [row.id, `#${row.number} ${row.siteName}`]));
  const refused = result.refused;
  return (
    <Alert
      tone={refused.length === 0 ? 'success' : result.changed === 0 ? 'error' : 'warning'}
      title={`${result.changed.toLocaleString()} ${result.changed === 1 ? 'job' : 'jobs'} ${verbs[report.action]}${
        refused.length > 0 ? `, ${refused.length.toLocaleString()} not changed` : ''
      }`}
      action={
        <Button variant="secondary" size="sm" onPress={onDismiss}>
          Dismiss
        </Button>
      }
    >
      {refused.length > 0 ? (
        <ul className="mt-1 flex max-h-64 flex-col gap-1 overflow-y-auto">
          {refused.slice(0, 200).map((r) => (
            <li key={r.id}>
              <span className="font-medium">{named.get(r.id) ?? 'A job not on this page'}</span>: {r.detail}
            </li>
          ))}
          {refused.length > 200 ? <li>and {(refused.length - 200).toLocaleString()} more.</li> : null}
        </ul>
      ) : null}
    </Alert>
  );
}
