import createClient from 'openapi-fetch';
import type { paths } from './api.types.ts';
import { problemToError, sendRequest, serializeQuery } from './api.request.ts';

export {
  ApiError,
  CONTEXT_HEADER,
  describeError,
  type FieldProblem,
  isApiError,
  problemToError,
  requestOutsideApi,
  serializeQuery,
} from './api.request.ts';

/**
 * The API, typed from openapi.json (`npm run api:types`): a renamed route or field fails the
 * typecheck. Call `api.GET('/api/x/{id}', { params: { path: { id } }, signal, headers })` and pass the
 * result to `dataOf` (or `answerOf` when the response headers matter, e.g. ETag).
 */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  fetch: sendRequest,
  querySerializer: (query) => serializeQuery(query as Record<string, unknown>),
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body and headers; throws ApiError for any non-2xx answer. */
export function answerOf<T>(result: FetchResult<T>): { data: T; headers: Headers } {
  if (!result.response.ok) throw problemToError(result.response.status, result.error, result.response.headers);
  return { data: result.data as T, headers: result.response.headers };
}

/** The answer's body; throws ApiError for any non-2xx answer. */
export async function dataOf<T>(pending: Promise<FetchResult<T>>): Promise<T> {
  return answerOf(await pending).data;
}

/** Success body of one operation, e.g. `ApiData<'/api/milestones/{id}', 'get'>`. */
export type ApiData<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R[Extract<keyof R, 200 | 201 | 204>] extends { content: { 'application/json': infer J } }
    ? J
    : undefined
  : never;

/** Query parameters of one operation. */
export type ApiQuery<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;
