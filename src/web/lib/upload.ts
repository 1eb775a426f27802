import { type ApiData, type ApiQuery, ApiError, CONTEXT_HEADER, serializeQuery } from './api.client.ts';
import type { paths } from './api.types.ts';
import { readContextKey } from './context.storage.ts';

export type StoredFile = ApiData<'/api/files', 'post'>;
export type UploadedFile = Pick<StoredFile, 'id' | 'name' | 'mime' | 'size'> & Partial<StoredFile>;
const UPLOAD_PATH = '/api/files' satisfies keyof paths;

export interface UploadOptions {
  /** The engagement the file belongs to, so both sides of it may see the file; none: the uploader's own side only (a technician's licence scan). */
  engagementId?: string;
  /** image-or-pdf: the server refuses anything else (400) and keeps nothing. */
  accept?: 'any' | 'image-or-pdf';
  /** Called with 0..1 as the bytes go out. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function problemOf(xhr: XMLHttpRequest): ApiError {
  let body: { code?: string; detail?: string; message?: string; details?: { fieldErrors?: Array<{ path: string; message: string }> } } = {};
  try {
    body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
  } catch {
    body = {};
  }
  const fallback =
    xhr.status === 413
      ? 'This file is too large to upload.'
      : xhr.status === 415
        ? 'This kind of file cannot be uploaded.'
        : xhr.status === 401
          ? 'Please sign in again.'
          : `The upload failed (HTTP ${xhr.status}).`;
  const fieldMessage = body.details?.fieldErrors?.[0]?.message;
  return new ApiError(
    xhr.status,
    body.code ?? `HTTP_${xhr.status}`,
    fieldMessage ?? body.detail ?? body.message ?? fallback,
    body.details?.fieldErrors ?? [],
  );
}

/**
 * Uploads one file (multipart, field "file") with XMLHttpRequest, which, unlike fetch, reports
 * upload progress. Resolves with the stored file; rejects with an ApiError (413 when too large).
 */
export function uploadFile(file: File, options: UploadOptions): Promise<UploadedFile> {
  const query: ApiQuery<typeof UPLOAD_PATH, 'post'> = {
    ...(options.engagementId ? { engagementId: options.engagementId } : {}),
    ...(options.accept ? { accept: options.accept } : {}),
  };
  const search = serializeQuery(query);
  return postFile<StoredFile>(search ? `${UPLOAD_PATH}?${search}` : UPLOAD_PATH, file, options);
}

/**
 * POSTs one file as multipart (field "file") to an API path, reporting upload progress, and
 * resolves with the JSON answer; rejects with an ApiError (the server's problem) or an AbortError.
 */
export function postFile<T>(url: string, file: File, options: Pick<UploadOptions, 'onProgress' | 'signal'>): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    const context = readContextKey();
    if (context) xhr.setRequestHeader(CONTEXT_HEADER, context);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'BAD_RESPONSE', 'The server answered in a way Portico did not understand.'));
        }
      } else reject(problemOf(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Could not reach Portico. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException('The upload was cancelled.', 'AbortError'));
        return;
      }
      options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
