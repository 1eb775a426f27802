/** Stable error codes. The HTTP status lives with the code so every side agrees. */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  TWO_FACTOR_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  ALREADY_EXISTS: 409,
  /** Another request with the same Idempotency-Key is still running: retry in a moment. */
  IDEMPOTENCY_IN_PROGRESS: 409,
  TOKEN_INVALID: 410,
  /** The If-Match version is not the record's current one: someone else saved first (`details.currentVersion`). */
  STALE_VERSION: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The Idempotency-Key was used before for another request (another body or route). */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** An edit (PATCH) came without If-Match: send the ETag of the version you edited. */
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_READY: 503,
  /** The disk (files or database) has no room left: retry once space is freed. */
  STORAGE_FULL: 507,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** The body of every error response (RFC 9457 problem details plus our code). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  requestId?: string;
  details?: { fieldErrors?: Array<{ path: string; message: string }>; [key: string]: unknown };
}
