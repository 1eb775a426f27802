import type { Problem } from '../../shared/error-codes.ts';
import { readContextKey } from './context.storage.ts';
import { formatText } from './format.intl.ts';

/*
 * Requests without the typed client: the error type every page shows, the fetch that sends the
 * chosen membership, and better-auth's untyped routes. Kept apart from openapi-fetch and the API
 * types so the sign-in page (src/web/main.tsx loads it before any other code) stays small.
 */

export const CONTEXT_HEADER = 'x-portico-context';

export interface FieldProblem {
  path: string;
  message: string;
}

/** An error answer from the server, whatever its shape (problem+json or better-auth's `{message}`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldProblem[];
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, fieldErrors: FieldProblem[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.requestId = requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Query = Record<string, unknown>;

/** Query strings skip empty values (undefined, null, ''), as the URL filters do. */
export function serializeQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  return params.toString();
}

function describeStatus(status: number): string {
  if (status === 401) return 'Please sign in again.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'This was not found. It may have been removed, or you may not have access.';
  if (status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. Try again in a moment.';
  return `The request failed (HTTP ${status}).`;
}

/** Turns an error body (already parsed, or text) into the ApiError the pages show. */
export function problemToError(status: number, body: unknown, headers?: Headers): ApiError {
  const problem: Partial<Problem> & { message?: string } =
    body && typeof body === 'object' ? (body as Partial<Problem> & { message?: string }) : {};
  const message = formatText(problem.detail ?? problem.message ?? describeStatus(status));
  return new ApiError(
    status,
    typeof problem.code === 'string' ? problem.code : `HTTP_${status}`,
    message,
    problem.details?.fieldErrors ?? [],
    problem.requestId ?? headers?.get('x-request-id') ?? undefined,
  );
}

const NETWORK_MESSAGE = 'Could not reach Portico. Check your connection and try again.';

/** Answers asked for before the code that reads them had loaded (requestEarly), by URL, with when they were asked. */
const earlyAnswers = new Map<string, { answer: Promise<Response>; at: number }>();
/** An early answer left unread this long is dropped: later reads ask again rather than show old data. */
const EARLY_ANSWER_MS = 15_000;

/** The early answer to a GET of `url`, once (the next read asks the server again). */
function takeEarlyAnswer(request: Request): Promise<Response> | undefined {
  if (request.method !== 'GET') return undefined;
  const early = earlyAnswers.get(request.url);
  if (!early) return undefined;
  earlyAnswers.delete(request.url);
  return performance.now() - early.at <= EARLY_ANSWER_MS ? early.answer : undefined;
}

/** fetch that sends the chosen membership and turns a network failure into an ApiError. */
export async function sendRequest(request: Request): Promise<Response> {
  const early = takeEarlyAnswer(request);
  if (early) return early;
  const headers = new Headers(request.headers);
  headers.set('accept', 'application/json');
  const context = readContextKey();
  if (context) headers.set(CONTEXT_HEADER, context);
  try {
    return await fetch(new Request(request, { headers }));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
}

/**
 * better-auth's routes (`/api/auth/*`) and the dev-only mailbox are not in openapi.json: the one
 * untyped path left, limited to them, so the API proper cannot be reached around its types.
 */
export async function requestOutsideApi<T>(
  path: `/api/auth/${string}` | '/api/dev/mailbox',
  options: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return readAnswer<T>(
    sendRequest(
      new Request(new URL(path, window.location.origin), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
        signal: options.signal,
      }),
    ),
  );
}

/** The JSON body of an answer, or the ApiError of a non-2xx one. */
export async function readAnswer<T>(pending: Promise<Response>): Promise<T> {
  const response = await pending;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw problemToError(response.status, body, response.headers);
  return body as T;
}

/**
 * Asks for `paths` (GETs of the API) while the app's code still downloads (main.tsx, with the
 * paths app/early.requests.ts gives for the address): the app's first read of each takes its
 * answer instead of asking again, so the page's data does not wait for the page's code.
 */
export function requestEarly(paths: readonly string[]): void {
  for (const path of paths) {
    const url = new URL(path, window.location.origin).href;
    const answer = sendRequest(new Request(url, { credentials: 'same-origin' }));
    // A failure is the reader's to show; unread, it is nobody's.
    answer.catch(() => undefined);
    earlyAnswers.set(url, { answer, at: performance.now() });
  }
}

/** The message to show a person for any error. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
