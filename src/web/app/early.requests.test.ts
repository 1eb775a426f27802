import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { earlyRequestsOf } from './early.requests.ts';

const ORIGIN = 'http://portico.test';
const JOB = '0b6b1c2e-1d7e-4a57-9a3e-0c5f3d1e2a4b';

/** A Request that resolves a path against the page's address, as a browser's does (Node's refuses a relative URL). */
class PageRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, ORIGIN) : input, init);
  }
}

describe("a page's first reads, asked for while the app's code downloads", () => {
  let asked: string[];
  let clock: number;

  beforeEach(() => {
    vi.resetModules();
    asked = [];
    clock = 0;
    vi.stubGlobal('window', { location: { origin: ORIGIN } });
    vi.stubGlobal('Request', PageRequest);
    vi.stubGlobal('performance', { now: () => clock });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        asked.push(`${request.method} ${request.url.slice(ORIGIN.length)}`);
        return Response.json({ answer: asked.length });
      }),
    );
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks for who is signed in on every shell, and for the job and its site sheet on a technician’s job page', () => {
    expect(earlyRequestsOf(`/tech/jobs/${JOB}`)).toEqual(['/api/me', `/api/my-jobs/${JOB}`, `/api/jobs/${JOB}/site`]);
    for (const page of ['/', '/app/home', '/portal/deliver', '/tech/jobs', `/tech/jobs/${JOB}/photos`])
      expect(earlyRequestsOf(page), page).toEqual(['/api/me']);
    for (const page of ['/magic-link', '/accept-invitation', '/reset-password']) expect(earlyRequestsOf(page), page).toEqual([]);
  });

  it("gives each early answer to the page's own query, once: the job page's reads ask the server nothing more", async () => {
    const { requestEarly } = await import('../lib/api.request.ts');
    const { fetchMe } = await import('../features/session/api/me.query.ts');
    const { getMyJob } = await import('../features/tech-view/api/get-my-job.query.ts');
    const { getSiteSheet } = await import('../features/site-work/api/get-site-sheet.query.ts');
    requestEarly(earlyRequestsOf(`/tech/jobs/${JOB}`));
    expect(asked).toEqual(['GET /api/me', `GET /api/my-jobs/${JOB}`, `GET /api/jobs/${JOB}/site`]);
    expect(await getSiteSheet(JOB)).toEqual({ answer: 3 });
    expect(await fetchMe()).toEqual({ answer: 1 });
    expect(await getMyJob(JOB)).toEqual({ answer: 2 });
    expect(asked).toHaveLength(3);
    // The next read of the same thing asks the server again.
    expect(await fetchMe()).toEqual({ answer: 4 });
    expect(asked).toHaveLength(4);
  });

  it('drops an early answer nobody read within 15 seconds, and never gives one to a write', async () => {
    const { requestEarly, sendRequest } = await import('../lib/api.request.ts');
    const { fetchMe } = await import('../features/session/api/me.query.ts');
    requestEarly(['/api/me', '/api/threads']);
    const write = await sendRequest(new Request('/api/threads', { method: 'POST', body: '{}' }));
    expect(await write.json()).toEqual({ answer: 3 });
    clock = 15_001;
    expect(await fetchMe()).toEqual({ answer: 4 });
    expect(asked).toEqual(['GET /api/me', 'GET /api/threads', 'POST /api/threads', 'GET /api/me']);
  });
});
