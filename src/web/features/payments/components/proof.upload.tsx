import { useCallback, useEffect, useRef, useState } from 'react';
import { FileDrop } from '../../../components/ui/file-drop.tsx';
import { UploadList } from '../../../components/ui/upload-list.tsx';
import { describeError } from '../../../lib/api.client.ts';
import { type UploadedFile, uploadFile } from '../../../lib/upload.ts';
import type { UploadItem } from '../../../lib/use-uploads.ts';

/**
 * One proof of payment (an image or a PDF), uploaded at once with its progress: for an engagement
 * (one payment's proof), or for the organization (one proof for a whole batch) without one.
 */
export function useProofUpload(engagementId: string | undefined) {
  const [item, setItem] = useState<UploadItem | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const add = useCallback(
    (files: readonly File[]) => {
      const file = files[0];
      if (!file) return;
      controller.current?.abort();
      const next = new AbortController();
      controller.current = next;
      setItem({ key: 'proof', name: file.name, size: file.size, progress: 0, status: 'uploading', error: null, file: null });
      uploadFile(file, {
        engagementId,
        accept: 'image-or-pdf',
        signal: next.signal,
        onProgress: (progress) => setItem((current) => (current ? { ...current, progress } : current)),
      })
        .then((stored: UploadedFile) =>
          setItem((current) => (current ? { ...current, status: 'done', progress: 1, file: stored } : current)),
        )
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          setItem((current) => (current ? { ...current, status: 'error', error: describeError(error) } : current));
        });
    },
    [engagementId],
  );
  const remove = useCallback(() => {
    controller.current?.abort();
    setItem(null);
  }, []);
  return { item, add, remove, fileId: item?.status === 'done' ? item.file?.id : undefined, isUploading: item?.status === 'uploading' };
}

export function ProofField({ label, proof }: { label: string; proof: ReturnType<typeof useProofUpload> }) {
  return (
    <div className="flex flex-col gap-2">
      {proof.item ? null : (
        <FileDrop
          label={label}
          description="An image (PNG, JPEG, GIF, WebP) or a PDF: a screenshot or the receipt of the transfer."
          buttonLabel="Choose a file"
          allowsMultiple={false}
          onFiles={proof.add}
        />
      )}
      <UploadList label={label} items={proof.item ? [proof.item] : []} onRemove={proof.remove} />
    </div>
  );
}
