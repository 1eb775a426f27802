import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../test/test-app.ts';
import { clientFor, createWorld, type World } from '../test/world.ts';

/**
 * Forged cursors whose key value JavaScript's Date.parse took but PostgreSQL refuses (found by
 * fuzzing every route: each was a 500 from the cast in the list's query). Every list, whatever
 * its key, answers 400 on `cursor` before any query runs.
 */
describe('a cursor PostgreSQL would not cast is a 400 on every list', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  }, 240_000);

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
