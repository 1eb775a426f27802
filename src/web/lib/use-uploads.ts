import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from './api.client.ts';
import type { RetryOptions } from './retry.ts';
import { type UploadedFile, type UploadOptions, uploadFile } from './upload.ts';

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  /** 0..1 */
  progress: number;
  status: 'uploading' | 'done' | 'error';
  error: string | null;
  file: UploadedFile | null;
  /** Tries that failed and were retried (a flaky connection), 0 when the first went through. */
  retries?: number;
}

export interface UseUploadsOptions {
  withoutEngagement?: boolean;
  /** Made of each file before it is sent (a phone photo scaled down): the item shows the prepared file's name and size. */
  prepare?: (file: File) => Promise<File>;
  /** Transient failures (network, 5xx) retried with backoff; off unless given. */
  retry?: RetryOptions;
  accept?: UploadOptions['accept'];
}

let counter = 0;

/**
 * Files chosen by a person, each uploading at once with its own progress and error; a file can
 * be removed (its upload cancelled) until the form that uses them is sent.
 */
export function useUploads(
  engagementId: string | null | undefined,
  onUploaded?: (file: UploadedFile, key: string) => void,
  options: UseUploadsOptions = {},
) {
  const withoutEngagement = options.withoutEngagement === true;
  const { prepare, retry, accept } = options;
  const [items, setItems] = useState<UploadItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const uploaded = useRef(onUploaded);
  uploaded.current = onUploaded;

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      running.clear();
    };
  }, []);

  const update = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      for (const file of files) {
        counter += 1;
        const key = `upload-${counter}`;
        const item: UploadItem = {
          key,
          name: file.name,
          size: file.size,
          progress: 0,
          status: 'uploading',
          error: null,
          file: null,
          retries: 0,
        };
        setItems((list) => [...list, item]);
        if (!engagementId && !withoutEngagement) {
          update(key, { status: 'error', error: 'Files cannot be uploaded here yet: the contract is still loading.' });
          continue;
        }
        const controller = new AbortController();
        controllers.current.set(key, controller);
        const send = async () => {
          const ready = prepare ? await prepare(file) : file;
          if (ready !== file) update(key, { name: ready.name, size: ready.size });
          const once = () =>
            uploadFile(ready, {
              engagementId: engagementId ?? undefined,
              accept,
              signal: controller.signal,
              onProgress: (progress) => update(key, { progress }),
            });
          if (!retry) return once();
          // Loaded with the first upload that retries (the tech view's photos), not by every page with uploads.
          const { withRetry } = await import('./retry.ts');
          return withRetry(once, {
            ...retry,
            signal: controller.signal,
            onRetry: (attempt) => update(key, { progress: 0, retries: attempt }),
          });
        };
        send()
          .then((stored) => {
            update(key, { status: 'done', progress: 1, file: stored });
            uploaded.current?.(stored, key);
          })
          .catch((error: unknown) => {
            if (error instanceof DOMException && error.name === 'AbortError') return;
            update(key, { status: 'error', error: describeError(error) });
          })
          .finally(() => controllers.current.delete(key));
      }
    },
    [engagementId, withoutEngagement, update, prepare, retry, accept],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    setItems((list) => list.filter((item) => item.key !== key));
  }, []);

  const reset = useCallback(() => {
    for (const controller of controllers.current.values()) controller.abort();
    controllers.current.clear();
    setItems([]);
  }, []);

  const doneFiles = items.flatMap((item) => (item.status === 'done' && item.file ? [item.file] : []));
  return {
    items,
    add,
    remove,
    reset,
    doneFiles,
    isUploading: items.some((item) => item.status === 'uploading'),
    hasErrors: items.some((item) => item.status === 'error'),
  };
}
