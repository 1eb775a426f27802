import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../../lib/api.client.ts';
import { type UploadedFile, uploadFile } from '../../../lib/upload.ts';
import type { UploadItem } from '../../../lib/use-uploads.ts';

/** The invoice document (a PDF or an image), uploaded at once for the engagement, with its progress. */
export function useInvoiceDocument(engagementId: string | null) {
  const [item, setItem] = useState<UploadItem | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const add = useCallback(
    (files: readonly File[]) => {
      const file = files[0];
      if (!file || !engagementId) return;
      controller.current?.abort();
      const next = new AbortController();
      controller.current = next;
      setItem({ key: 'invoice', name: file.name, size: file.size, progress: 0, status: 'uploading', error: null, file: null });
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
