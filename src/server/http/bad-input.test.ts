import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../test/test-app.ts';
import { contracts } from '../db/schema/index.ts';
import { clientFor, createWorld, type World } from '../test/world.ts';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await getTestApp();
  w = await createWorld(t);
}, 240_000);

/** Inputs found in review that once reached the database or the parser and came back as 500s. */
describe('bad input is a 400, never a 500', () => {
  const cases: Array<[string, (c: ReturnType<typeof clientFor>) => ReturnType<ReturnType<typeof clientFor>['get']>]> = [
    [
      'a cursor naming a date that does not exist',
      (c) => c.get(`/api/milestones?cursor=${Buffer.from('2024-13-45|abc').toString('base64url')}`),
    ],
    ['a cursor in year 0', (c) => c.get(`/api/milestones?cursor=${Buffer.from('0000-01-01|x').toString('base64url')}`)],
    ['a due-date filter in year 0', (c) => c.get('/api/milestones?dueFrom=0000-01-01')],
    ['an audit page before year 0', (c) => c.get('/api/audit-events?before=0000-01-01T00:00:00Z')],
    [
      'a contract starting in year 0',
      (c) =>
        c.post('/api/contracts', {
          engagementId: w.engagementAX,
          title: 'T',
          rateType: 'fixed',
          rateAmountMinor: 1,
          currency: 'EUR',
          startDate: '0000-01-01',
        }),
    ],
    [
      'multipart without a boundary',
      (c) => c.request('POST', '/api/files', undefined, { payload: 'garbage', headers: { 'content-type': 'multipart/form-data' } }),
    ],
    [
      'multipart garbage',
      (c) =>
        c.request('POST', '/api/files', undefined, { payload: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=xx' } }),
    ],
    [
      'multipart cut short',
      (c) =>
        c.request('POST', '/api/files', undefined, {
          payload: '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello',
          headers: { 'content-type': 'multipart/form-data; boundary=xx' },
        }),
    ],
    [
      'a CSV import cut short',
      (c) =>
        c.request('POST', '/api/jobs/import', undefined, {
          payload: '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
          headers: { 'content-type': 'multipart/form-data; boundary=xx' },
        }),
    ],
    [
      'a CSV import without its closing boundary',
      (c) =>
        c.request('POST', '/api/jobs/import', undefined, {
          payload: '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc\r\n',
          headers: { 'content-type': 'multipart/form-data; boundary=xx' },
        }),
    ],
  ];
  for (const [label, send] of cases)
    it(`refuses ${label}`, async () => {
      const res = await send(clientFor(t, w.aOwner));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
});

/** PostgreSQL cannot store U+0000 in text: one check at the edge refuses it, naming the field. */
describe('a null character in any text input is a 400 naming the field', () => {
  const cases: Array<[string, string, (c: ReturnType<typeof clientFor>) => ReturnType<ReturnType<typeof clientFor>['get']>]> = [
    ['a search query', 'query.q', (c) => c.get('/api/engagements?q=%00')],
    ['a search query on contracts', 'query.q', (c) => c.get('/api/contracts?q=ab%00cd')],
    ['a name in a JSON body', 'body.name', (c) => c.patch('/api/organizations/current', { name: 'Acme\u0000 Ltd' })],
    ['a path parameter', 'params.id', (c) => c.get('/api/contracts/%00')],
    [
      'a header',
      'header.x-portico-context',
      (c) => c.request('GET', '/api/me', undefined, { headers: { 'x-portico-context': 'org:\u0000' } }),
    ],
    [
      'an email in a sign-in body',
      'body.email',
      (c) => c.post('/api/auth/sign-in/email', { email: 'a\u0000@example.test', password: 'x'.repeat(12) }),
    ],
    [
      'an uploaded file name',
      'file.filename',
      (c) =>
        c.request('POST', '/api/files', undefined, {
          payload:
            '--xx\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--xx--\r\n',
          headers: { 'content-type': 'multipart/form-data; boundary=xx' },
        }),
    ],
  ];
  for (const [label, field, send] of cases)
    it(`refuses ${label}`, async () => {
      const res = await send(clientFor(t, w.aOwner));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details.fieldErrors[0].path).toBe(field);
      expect(res.json().detail).toContain('null character');
    });
});

/**
 * A lone UTF-16 surrogate ("\ud800" in a JSON body) has no UTF-8 form: a json column (the audit
 * record) refused it with a 500, and a text column silently stored U+FFFD. The edge refuses it.
 */
describe('a lone surrogate in any text input is a 400 naming the field', () => {
  const contract = (title: string) => ({
    engagementId: w.engagementAX,
    title,
    rateType: 'fixed',
    rateAmountMinor: 100,
    currency: 'EUR',
    startDate: '2026-01-01',
  });

  const cases: Array<[string, string, (c: ReturnType<typeof clientFor>) => ReturnType<ReturnType<typeof clientFor>['get']>]> = [
    ['a title that the audit record keeps', 'body.title', (c) => c.post('/api/contracts', contract('x\ud800y'))],
    ['a trailing low surrogate', 'body.title', (c) => c.post('/api/contracts', contract('x\udc00'))],
    ['a name stored as text', 'body.name', (c) => c.patch('/api/organizations/current', { name: 'Acme \udbff Ltd' })],
    ['a key of the body', 'body.\ud800', (c) => c.post('/api/contracts', { ...contract('T'), '\ud800': 1 })],
  ];
  for (const [label, field, send] of cases)
    it(`refuses ${label}`, async () => {
      const before = await t.db.$count(contracts);
      const res = await send(clientFor(t, w.aOwner));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details.fieldErrors[0].path).toBe(field);
      expect(res.json().detail).toContain('lone surrogate');
      expect(await t.db.$count(contracts)).toBe(before);
    });

  it('takes text with characters beyond the first plane (a surrogate pair)', async () => {
    const res = await clientFor(t, w.aOwner).post('/api/contracts', contract('Site survey \u{1F3D7}\u{FE0F}'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().title).toBe('Site survey \u{1F3D7}\u{FE0F}');
  });
});

/**
 * Forged cursors whose key value JavaScript's Date.parse took but PostgreSQL refuses (found by
 * fuzzing every route: each was a 500 from the cast in the list's query). Every list, whatever
 * its key, answers 400 on `cursor` before any query runs.
 */
describe('a cursor PostgreSQL would not cast is a 400 on every list', () => {
  const badKeys = [
    '0000-01-01 00:00:00+00',
    '2024-02-30',
    '2024-02-30 10:00:00+00',
    '2026-12-06 05:12:57+23',
    '2026-12-06 24:00:00+00',
    '2026-99-99 99:99:99',
    '1',
    'March 7',
  ];
  const cursorOf = (key: string) => Buffer.from(JSON.stringify([key, '7a1d2c3e-4b5f-4a6b-8c7d-9e0f1a2b3c4d'])).toString('base64url');
  const lists: Array<[keyof World & ('aOwner' | 'xAdmin' | 'xTech'), string]> = [
    ['aOwner', '/api/contracts'],
    ['aOwner', '/api/milestones?view=pending'],
    ['aOwner', '/api/payments'],
    ['aOwner', '/api/staff'],
    ['aOwner', '/api/invitations'],
    ['aOwner', '/api/engagements'],
    ['aOwner', '/api/threads'],
    ['aOwner', '/api/notifications'],
    ['aOwner', '/api/notifications/groups'],
    ['aOwner', '/api/invoices'],
    ['aOwner', '/api/audit-events'],
    ['aOwner', '/api/job-templates'],
    ['aOwner', '/api/jobs'],
    ['aOwner', '/api/jobs?sort=created'],
    ['aOwner', '/api/organizations/current/emails'],
    ['xAdmin', '/api/technicians'],
    ['xAdmin', '/api/desk/jobs'],
    ['xAdmin', '/api/desk/jobs?sort=created'],
    ['xTech', '/api/my-jobs'],
  ];
  for (const [who, path] of lists)
    it(`refuses forged key values on ${path} (${who})`, async () => {
      const client = clientFor(t, w[who]);
      for (const key of badKeys) {
        const res = await client.get(`${path}${path.includes('?') ? '&' : '?'}cursor=${cursorOf(key)}`);
        expect(res.statusCode, `${key}: ${res.body}`).toBe(400);
        expect(res.json().details.fieldErrors[0].path, key).toBe('cursor');
      }
    });
});
