import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { contractorMembers, contractors, engagements, organizations, staffMembers, technicians, users } from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import { createSessionCookies } from '../modules/auth/auth.better.ts';
import { TEST_ORIGIN, type TestApp } from './test-app.ts';

export interface Persona {
  userId: string;
  email: string;
  cookie: string;
  /** The membership key this persona acts as. */
  context: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Client {
  request(method: Method, url: string, body?: unknown, extra?: Partial<InjectOptions>): ReturnType<TestApp['app']['inject']>;
  get(url: string): ReturnType<TestApp['app']['inject']>;
  post(url: string, body?: unknown): ReturnType<TestApp['app']['inject']>;
  patch(url: string, body?: unknown): ReturnType<TestApp['app']['inject']>;
  /** Reads the record at `url` for its ETag, then PATCHes it with If-Match: an edit as the web app makes it. */
  edit(url: string, body: unknown): Promise<Awaited<ReturnType<TestApp['app']['inject']>>>;
}

/** The ETag of the record at `url` as the client reads it now: what an edit sends back in If-Match. */
export async function readEtag(client: Client, url: string): Promise<string> {
  const read = await client.get(url);
  if (typeof read.headers.etag !== 'string') throw new Error(`GET ${url} answered ${read.statusCode} without an ETag`);
  return read.headers.etag;
}

/** A fresh client IP per world, so rate limits of one test never leak into another. */
export function randomIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

export function clientFor(t: TestApp, persona: Persona | null, ip = randomIp()): Client {
  const request: Client['request'] = (method, url, body, { headers: extraHeaders, ...extra } = {}) =>
    t.app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: {
        origin: TEST_ORIGIN,
        ...(persona ? { cookie: persona.cookie, 'x-portico-context': persona.context } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(extraHeaders ?? {}),
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      ...extra,
    } as InjectOptions) as never;
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    edit: async (url, body) => {
      const read = await request('GET', url);
      return request('PATCH', url, body, { headers: { 'if-match': String(read.headers.etag ?? '') } });
    },
  };
}

/** Turns Set-Cookie headers into the Cookie header a browser would send back. */
export function cookieHeader(setCookies: string[] | string | undefined): string {
  const list = Array.isArray(setCookies) ? setCookies : setCookies ? [setCookies] : [];
  return list
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c && !c.endsWith('='))
    .join('; ');
}

export async function signIn(t: TestApp, email: string): Promise<string> {
  const headers = new Headers({ origin: TEST_ORIGIN, 'x-portico-client-ip': randomIp() });
  const setCookies = await createSessionCookies(t.auth, email, headers);
  const cookie = cookieHeader(setCookies);
  // A persona without a session would make every later assertion about access fail as 401: say so here.
  if (!cookie.includes('session_token=')) throw new Error(`signIn(${email}) got no session cookie: ${JSON.stringify(setCookies)}`);
  return cookie;
}

async function addUser(t: TestApp, label: string, suffix: string): Promise<{ id: string; email: string }> {
  const id = createId();
  const email = `${label}.${suffix}@example.test`;
  await t.db
    .insert(users)
    .values({ id, email, name: label.replace(/(^|-)(\w)/g, (_m, _d, c: string) => ` ${c.toUpperCase()}`).trim(), emailVerified: true });
  return { id, email };
}

async function persona(t: TestApp, user: { id: string; email: string }, context: string): Promise<Persona> {
  return { userId: user.id, email: user.email, cookie: await signIn(t, user.email), context };
}

/**
 * Two organizations (A and B), each engaging its own contractor (X and Y), with every role:
 * the cast of every access test. Fresh per test, so tests never share rows.
 */
export async function createWorld(t: TestApp) {
  const s = randomBytes(4).toString('hex');
  const orgA = createId();
  const orgB = createId();
  const contractorX = createId();
  const contractorY = createId();
  await t.db.insert(organizations).values([
    { id: orgA, name: `Org A ${s}` },
    { id: orgB, name: `Org B ${s}` },
  ]);
  await t.db.insert(contractors).values([
    { id: contractorX, name: `Contractor X ${s}` },
    { id: contractorY, name: `Contractor Y ${s}` },
  ]);
  const engagementAX = createId();
  const engagementBY = createId();
  await t.db.insert(engagements).values([
    { id: engagementAX, organizationId: orgA, contractorId: contractorX, status: 'active' },
    { id: engagementBY, organizationId: orgB, contractorId: contractorY, status: 'active' },
  ]);

  const staff = async (org: string, role: 'owner' | 'admin' | 'manager' | 'finance' | 'viewer', label: string) => {
    const user = await addUser(t, label, s);
    await t.db.insert(staffMembers).values({ id: createId(), organizationId: org, userId: user.id, role });
    return persona(t, user, `staff:${org}`);
  };
  const member = async (contractor: string, role: 'admin' | 'office', label: string) => {
    const user = await addUser(t, label, s);
    await t.db.insert(contractorMembers).values({ id: createId(), contractorId: contractor, userId: user.id, role });
    return persona(t, user, `contractor:${contractor}`);
  };
  const technician = async (contractor: string, label: string) => {
    const user = await addUser(t, label, s);
    const id = createId();
    await t.db.insert(technicians).values({ id, contractorId: contractor, userId: user.id });
    return persona(t, user, `technician:${id}`);
  };

  return {
    suffix: s,
    orgA,
    orgB,
    contractorX,
    contractorY,
    engagementAX,
    engagementBY,
    aOwner: await staff(orgA, 'owner', 'a-owner'),
    aAdmin: await staff(orgA, 'admin', 'a-admin'),
    aManager: await staff(orgA, 'manager', 'a-manager'),
    aFinance: await staff(orgA, 'finance', 'a-finance'),
    aViewer: await staff(orgA, 'viewer', 'a-viewer'),
    bOwner: await staff(orgB, 'owner', 'b-owner'),
    xAdmin: await member(contractorX, 'admin', 'x-admin'),
    xOffice: await member(contractorX, 'office', 'x-office'),
    xTech: await technician(contractorX, 'x-tech'),
    yAdmin: await member(contractorY, 'admin', 'y-admin'),
    yTech: await technician(contractorY, 'y-tech'),
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
