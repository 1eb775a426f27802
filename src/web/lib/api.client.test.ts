import { describe, expect, it } from 'vitest';
import { ApiError, answerOf, serializeQuery } from './api.client.ts';

describe('the typed API client', () => {
  it('skips empty query values, as the URL filters do', () => {
    expect(serializeQuery({ status: 'submitted', q: '', contractorId: undefined, limit: 50, cursor: null })).toBe(
      'status=submitted&limit=50',
    );
  });

  it('hands back the body and the response headers (ETag) of a 2xx answer', () => {
    const response = new Response('{}', { status: 200, headers: { etag: 'W/"3"' } });
    const answer = answerOf({ data: { id: 'x' }, response });
    expect(answer.data).toEqual({ id: 'x' });
    expect(answer.headers.get('etag')).toBe('W/"3"');
  });

  it('turns a problem+json answer into the ApiError the pages show, with field errors and request id', () => {
    const response = new Response(null, { status: 400, headers: { 'x-request-id': 'req-1' } });
    const problem = {
      code: 'VALIDATION',
      detail: 'The due date is before the contract starts (2026-01-01).',
      details: { fieldErrors: [{ path: 'dueDate', message: 'Too early' }] },
    };
    let caught: unknown;
    try {
      answerOf({ error: problem, response });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    const error = caught as ApiError;
    expect([error.status, error.code, error.requestId]).toEqual([400, 'VALIDATION', 'req-1']);
    expect(error.fieldErrors).toEqual([{ path: 'dueDate', message: 'Too early' }]);
    // dates in messages follow the one rule: formatted for the reader, not ISO
    expect(error.message).not.toContain('2026-01-01');
    expect(error.message).toContain('2026');
  });
});
