/*
 * The access matrix's cases for messages and internal notes (issue 11): every route called with
 * the A–X thread (a message about the victim technician's job, an internal note) and its message.
 */
import type { Case } from './access-matrix.types.ts';

const noUnread = (body: string): string | null => (JSON.parse(body).unread === 0 ? null : `expected no unread messages, got ${body}`);

export const messageCases: Record<string, Case> = {
  'GET /api/threads': { expect: 'ownScope', build: () => ({ url: '/api/threads?limit=200' }) },
  'GET /api/threads/unread': { expect: 'ownScope', build: () => ({ url: '/api/threads/unread' }), verify: noUnread },
  'GET /api/threads/:id': { expect: 'notFound', build: (v) => ({ url: `/api/threads/${v.engagementId}` }) },
  'GET /api/threads/:id/messages': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/threads/${v.engagementId}/messages?q=Victim&subject=job:${v.myJobId}` }),
  },
  'POST /api/threads/:id/messages': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/threads/${v.engagementId}/messages`, body: { body: 'Sneaky', subject: { kind: 'job', id: v.myJobId } } }),
  },
  'POST /api/threads/:id/read': { expect: 'notFound', build: (v) => ({ url: `/api/threads/${v.engagementId}/read`, body: {} }) },
  'PATCH /api/messages/:id': { expect: 'notFound', build: (v) => ({ url: `/api/messages/${v.messageId}`, body: { body: 'Changed' } }) },
  'DELETE /api/messages/:id': { expect: 'notFound', build: (v) => ({ url: `/api/messages/${v.messageId}` }) },
  'GET /api/threads/:id/notes': { expect: 'notFound', build: (v) => ({ url: `/api/threads/${v.engagementId}/notes` }) },
  'POST /api/threads/:id/notes': {
    expect: 'notFound',
    build: (v) => ({ url: `/api/threads/${v.engagementId}/notes`, body: { body: 'Sneaky note' } }),
  },
};
