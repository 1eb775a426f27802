import { Download } from 'lucide-react';
import { Button } from '../../../components/ui/button.tsx';
import { TextLink } from '../../../components/ui/link.tsx';
import { toastError } from '../../../components/ui/toast.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { downloadFile } from '../../../lib/download.ts';
import { downloadHref } from '../../../lib/download.href.ts';
import { formatBytes } from '../../../lib/format.intl.ts';

interface ProofFile {
  id: string;
  name: string;
  mime: string;
  size: number;
}

/** The proof of payment: an image shown inline, a PDF opened in the browser; both downloadable. */
export function PaymentProof({ file, label = 'Proof of payment' }: { file: ProofFile; label?: string }) {
  const inline = `${downloadHref(file.id)}?inline=1`;
  return (
    <figure className="flex flex-col gap-2">
      {file.mime.startsWith('image/') ? (
        <a href={inline} target="_blank" rel="noopener noreferrer" className="block max-w-md">
          <img src={inline} alt={`${label}: ${file.name}`} className="max-h-96 w-auto rounded-md border border-slate-300" />
        </a>
      ) : (
        <TextLink href={inline} target="_blank" rel="noopener noreferrer">
          Open {file.name} (PDF)
        </TextLink>
      )}
      <figcaption className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span>
          {file.name}, {formatBytes(file.size)}
        </span>
        <Button
          variant="secondary"
          size="sm"
          onPress={() => void downloadFile(file.id, file.name).catch((e: unknown) => toastError('Download failed', describeError(e)))}
        >
          <Download aria-hidden="true" className="size-4" />
          Download
        </Button>
      </figcaption>
    </figure>
  );
}
