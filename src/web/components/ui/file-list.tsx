import { Download, FileText } from 'lucide-react';
import type { ReactNode } from 'react';
import { downloadFile } from '../../lib/download.ts';
import { downloadHref } from '../../lib/download.href.ts';
import { formatBytes, formatDate } from '../../lib/format.intl.ts';
import { toastError } from './toast.tsx';

export interface ListedFile {
  id: string;
  name: string;
  size: number;
  createdAt?: string;
}

export interface FileListProps {
  files: readonly ListedFile[];
  label: string;
  /** Per file, e.g. a "Remove" button. */
  actions?: (file: ListedFile) => ReactNode;
}

/** Stored files, each downloadable (as the membership the user acts as). */
export function FileList({ files, label, actions }: FileListProps) {
  return (
    <ul aria-label={label} className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
      {files.map((file) => (
        <li key={file.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center">
          <div className="flex min-w-0 flex-1 items-start gap-2">
            <FileText aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-slate-600" />
            <div className="min-w-0">
              <a
                href={downloadHref(file.id)}
                download={file.name}
                onClick={(event) => {
                  event.preventDefault();
                  downloadFile(file.id, file.name).catch((error: unknown) =>
                    toastError('Could not download the file', error instanceof Error ? error.message : undefined),
                  );
                }}
                className="inline-flex items-center gap-1 font-medium break-all text-blue-700 underline underline-offset-2 hover:text-blue-900"
              >
                <span className="sr-only">Download </span>
                {file.name}
                <Download aria-hidden="true" className="size-4 shrink-0" />
              </a>
              <p className="text-sm text-slate-600">
                {formatBytes(file.size)}
                {file.createdAt ? ` · ${formatDate(file.createdAt)}` : ''}
              </p>
            </div>
          </div>
          {actions ? <div className="flex shrink-0 gap-2">{actions(file)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
