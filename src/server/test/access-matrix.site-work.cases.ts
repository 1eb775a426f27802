/*
 * The access matrix's cases for site work (issue 10): a performed job of A and X, assigned to the
 * victim technician, with answers, a photo, a sign-off and its report; and the preferences.
 */
import type { Case } from './access-matrix.types.ts';
import { signatureBase64 } from './site-work.fixtures.ts';

const onJob = (path: string, method: 'body' | 'none' = 'body', body: unknown = {}): Case => ({
  expect: 'notFound',
  build: (v) => ({
    url: `/api/jobs/${v.siteJobId}/${path.replace(':task', v.siteTaskId).replace(':photo', v.sitePhotoId)}`,
    body: method === 'body' ? body : undefined,
  }),
});

export const siteWorkCases: Record<string, Case> = {
  'GET /api/jobs/:id/site': onJob('site', 'none'),
  'POST /api/jobs/:id/on-site': onJob('on-site', 'body', { location: { latitude: 1, longitude: 2 } }),
  'POST /api/jobs/:id/revisit': onJob('revisit', 'body', { reason: 'Sneaky' }),
  'PUT /api/jobs/:id/tasks/:taskId/answer': onJob('tasks/:task/answer', 'body', { result: 'fail', remarks: 'Sneaky' }),
  'GET /api/jobs/:id/tasks/:taskId/photos': onJob('tasks/:task/photos', 'none'),
  'POST /api/jobs/:id/tasks/:taskId/photos': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/jobs/${v.siteJobId}/tasks/${v.siteTaskId}/photos`, body: { fileId: v.fileId } }),
  },
  'DELETE /api/jobs/:id/tasks/:taskId/photos/:photoId': onJob('tasks/:task/photos/:photo', 'none'),
  'GET /api/jobs/:id/photos/:photoId': onJob('photos/:photo', 'none'),
  'POST /api/jobs/:id/performed': onJob('performed', 'body', { technician: { signaturePng: signatureBase64 } }),
  'GET /api/jobs/:id/report': onJob('report', 'none'),
  // Preferences are the caller's own: nothing of A's or X's people comes back, and nothing of theirs changes.
  'GET /api/preferences': { expect: 'ownScope', build: () => ({ url: '/api/preferences' }) },
  'PUT /api/preferences/mobile': { expect: 'ownScope', build: () => ({ url: '/api/preferences/mobile', body: { mobile: null } }) },
  'PUT /api/preferences/signature': {
    expect: 'ownScope',
    build: () => ({ url: '/api/preferences/signature', body: { signaturePng: Buffer.from('not a png').toString('base64') } }),
  },
  'DELETE /api/preferences/signature': { expect: 'ownScope', build: () => ({ url: '/api/preferences/signature' }) },
};
