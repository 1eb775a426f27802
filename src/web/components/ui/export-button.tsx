import { Download } from 'lucide-react';
import { useRef, useState } from 'react';
import { type DownloadProgress, downloadExport } from '../../lib/download.ts';
import { formatBytes } from '../../lib/format.intl.ts';
import { Button, type ButtonVariant } from './button.tsx';

function describeProgress(progress: DownloadProgress): string {
  if (progress.total) return `Downloading… ${Math.floor((100 * progress.received) / progress.total)} %`;
  return `Downloading… ${formatBytes(progress.received)}`;
}

/**
 * Downloads an export (CSV or PDF) with its progress shown beside the button and announced to
 * screen readers; a second press while it runs cancels it. Errors say what went wrong.
 */
export function ExportButton({
  url,
  fileName,
  label,
  variant = 'secondary',
}: {
  url: string;
  fileName: string;
  label: string;
  variant?: ButtonVariant;
}) {
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'done'; text: string } | null>(null);
  const controller = useRef<AbortController | null>(null);
  const start = async () => {
    if (controller.current) {
      controller.current.abort();
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setMessage(null);
    try {
      const name = await downloadExport(url, fileName, setProgress, abort.signal);
      setMessage({ tone: 'done', text: `Downloaded ${name}.` });
    } catch (error) {
      const aborted = abort.signal.aborted;
      setMessage({ tone: aborted ? 'done' : 'error', text: aborted ? 'Download cancelled.' : (error as Error).message });
    } finally {
      controller.current = null;
      setProgress(null);
    }
  };
  return (
    <div className="flex flex-col gap-1">
      <Button variant={variant} onPress={() => void start()}>
        <Download aria-hidden="true" className="size-4" />
        {progress ? `Cancel ${label.toLowerCase()}` : label}
      </Button>
      <p aria-live="polite" className={`min-h-5 text-sm ${message?.tone === 'error' ? 'text-red-800' : 'text-slate-700'}`}>
        {progress ? describeProgress(progress) : (message?.text ?? '')}
      </p>
    </div>
  );
}
