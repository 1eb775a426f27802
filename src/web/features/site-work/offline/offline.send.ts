import { readAnswer, sendRequest } from '../../../lib/api.request.ts';
import { uploadFile } from '../../../lib/upload.ts';
import { type QueuedChange, saveChange } from './offline.store.ts';

/**
 * Sends one queued change: its photo first (once: the file's id is kept on the device), then the
 * request with the change's id as Idempotency-Key, so a replay of the same change is applied once.
 * Throws the ApiError of a refusal or of a lost connection.
 */
export async function sendChange(change: QueuedChange, onProgress?: (fraction: number) => void): Promise<void> {
  let body = change.request.body;
  if (change.photo) {
    let fileId = change.photo.uploadedFileId;
    if (!fileId) {
      const file = new File([change.photo.blob], change.photo.name, { type: change.photo.blob.type || 'image/jpeg' });
      const stored = await uploadFile(file, { engagementId: change.photo.engagementId ?? undefined, accept: 'image-or-pdf', onProgress });
      fileId = stored.id;
      await saveChange({ ...change, photo: { ...change.photo, uploadedFileId: fileId } });
    }
    body = { ...(body as Record<string, unknown>), [change.photo.field]: fileId };
  }
  const headers: Record<string, string> = { 'idempotency-key': change.id };
  if (body !== undefined) headers['content-type'] = 'application/json';
  await readAnswer(
    sendRequest(
      new Request(new URL(change.request.url, window.location.origin), {
        method: change.request.method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      }),
    ),
  );
}
