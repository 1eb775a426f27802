import type { paths } from '../../../lib/api.types.ts';
import type { QueuedPhoto, QueuedRequest } from '../offline/offline.store.ts';
import type { LocalEffect } from './site-work.effects.ts';

type JsonBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type OnSiteBody = JsonBody<'/api/jobs/{id}/on-site', 'post'>;
export type RevisitBody = JsonBody<'/api/jobs/{id}/revisit', 'post'>;
export type AnswerBody = JsonBody<'/api/jobs/{id}/tasks/{taskId}/answer', 'put'>;
export type AttachPhotoBody = JsonBody<'/api/jobs/{id}/tasks/{taskId}/photos', 'post'>;
export type PerformedBody = JsonBody<'/api/jobs/{id}/performed', 'post'>;

/** A change to a job made on site: the request (typed here, where it is built), its words and what it shows at once. */
export interface SiteChange {
  jobId: string;
  label: string;
  request: QueuedRequest;
  local: LocalEffect;
  photo?: QueuedPhoto & { field: string };
}

interface TaskRef {
  id: string;
  title: string;
}

function jobPath(jobId: string, rest = ''): string {
  return `/api/jobs/${encodeURIComponent(jobId)}${rest}`;
}

function taskPath(jobId: string, taskId: string, rest: string): string {
  return jobPath(jobId, `/tasks/${encodeURIComponent(taskId)}${rest}`);
}

/** The changes the tech view and the desk make, each built from the API's own body types. */
export const siteChanges = {
  onSite(jobId: string, body: OnSiteBody): SiteChange {
    return { jobId, label: "I'm on site", request: { method: 'POST', url: jobPath(jobId, '/on-site'), body }, local: { kind: 'on-site' } };
  },
  revisit(jobId: string, body: RevisitBody): SiteChange {
    return {
      jobId,
      label: 'Revisit required',
      request: { method: 'POST', url: jobPath(jobId, '/revisit'), body },
      local: { kind: 'revisit', reason: body.reason },
    };
  },
  answer(jobId: string, task: TaskRef, body: AnswerBody): SiteChange {
    return {
      jobId,
      label: `Answer: ${task.title}`,
      request: { method: 'PUT', url: taskPath(jobId, task.id, '/answer'), body },
      local: { kind: 'answer', taskId: task.id, result: body.result, defects: body.defects ?? [], remarks: body.remarks ?? null },
    };
  },
  attachPhoto(jobId: string, task: TaskRef, name: string, body: AttachPhotoBody): SiteChange {
    return {
      jobId,
      label: `Photo ${name}: ${task.title}`,
      request: { method: 'POST', url: taskPath(jobId, task.id, '/photos'), body },
      local: { kind: 'photo', taskId: task.id, name },
    };
  },
  /** A photo taken offline: the JPEG waits on the phone, uploaded before it is attached. */
  queuedPhoto(jobId: string, task: TaskRef, photo: File, at: string): SiteChange {
    const body: Omit<AttachPhotoBody, 'fileId'> = { caption: null, at };
    return {
      jobId,
      label: `Photo ${photo.name}: ${task.title}`,
      request: { method: 'POST', url: taskPath(jobId, task.id, '/photos'), body },
      local: { kind: 'photo', taskId: task.id, name: photo.name },
      photo: { blob: photo, name: photo.name, engagementId: null, uploadedFileId: null, field: 'fileId' },
    };
  },
  removePhoto(jobId: string, task: TaskRef, photoId: string): SiteChange {
    return {
      jobId,
      label: `Remove a photo: ${task.title}`,
      request: { method: 'DELETE', url: taskPath(jobId, task.id, `/photos/${encodeURIComponent(photoId)}`) },
      local: { kind: 'remove-photo', taskId: task.id, photoId },
    };
  },
  performed(jobId: string, body: PerformedBody): SiteChange {
    return {
      jobId,
      label: "I've performed this work",
      request: { method: 'POST', url: jobPath(jobId, '/performed'), body },
      local: { kind: 'performed' },
    };
  },
};
