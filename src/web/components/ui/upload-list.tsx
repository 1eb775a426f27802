import { CheckCircle2, XCircle } from 'lucide-react';
import { Label, ProgressBar } from 'react-aria-components';
import { formatBytes } from '../../lib/format.intl.ts';
import type { UploadItem } from '../../lib/use-uploads.ts';
import { Button } from './button.tsx';

export interface UploadListProps {
  items: readonly UploadItem[];
  onRemove: (key: string) => void;
  label: string;
}

/** The files being uploaded: a progress bar each, then done or the reason it failed; removable. */
export function UploadList({ items, onRemove, label }: UploadListProps) {
  if (items.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {items.map((item) => (
        <li key={item.key} className="flex flex-col gap-2 rounded-md border border-slate-300 bg-white p-3 sm:flex-row sm:items-center">
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            {item.status === 'uploading' ? (
              <ProgressBar value={item.progress * 100} className="flex flex-col gap-1">
                {({ percentage, valueText }) => (
                  <>
                    <div className="flex justify-between gap-2 text-sm">
                      <Label className="min-w-0 font-medium break-all text-slate-900">{item.name}</Label>
                      <span className="shrink-0 text-slate-700">{valueText}</span>
                    </div>
                    <div className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
                      <div className="h-full rounded-full bg-blue-700 transition-[width]" style={{ width: `${percentage ?? 0}%` }} />
                    </div>
                  </>
                )}
              </ProgressBar>
            ) : (
              <p className="flex min-w-0 items-start gap-2 text-sm">
                {item.status === 'done' ? (
                  <CheckCircle2 aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-green-700" />
                ) : (
                  <XCircle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-red-700" />
                )}
                <span className="min-w-0">
                  <span className="font-medium break-all text-slate-900">{item.name}</span>{' '}
                  <span className="text-slate-700">
                    ({formatBytes(item.size)}) {item.status === 'done' ? '· Uploaded' : null}
                  </span>
                </span>
              </p>
            )}
            {item.status === 'error' ? (
              <p role="alert" className="text-sm font-medium text-red-700">
                Not uploaded: {item.error}
              </p>
            ) : null}
          </div>
          <Button variant="ghost" size="sm" onPress={() => onRemove(item.key)} className="self-start sm:self-center">
            {item.status === 'uploading' ? 'Cancel' : 'Remove'}
            <span className="sr-only"> {item.name}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}
