import { ApiError } from './api.client.ts';

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** The wait before the second try; doubled each time, with up to a quarter of jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** Told before each wait (the try that failed, 1-based, and how long it waits). */
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

/** Worth another try: no answer at all (a dropped connection), a timeout, too many requests, or a server fault. */
export function isTransient(error: unknown): boolean {
  if (error instanceof DOMException && error.name === 'AbortError') return false;
  if (error instanceof ApiError) return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
  return error instanceof TypeError;
}

/** The wait before try `attempt + 1`: base × 2^(attempt-1), capped, plus jitter so many phones do not retry in step. */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random = Math.random): number {
  const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential + exponential * 0.25 * random());
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Cancelled.', 'AbortError'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Cancelled.', 'AbortError'));
      },
      { once: true },
    );
  });
}

/**
 * Runs `task` until it succeeds, retrying transient failures (network, 408, 429, 5xx) with
 * exponential backoff; a refusal (any other 4xx) is thrown at once, since trying again would
 * get the same answer.
 */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 15_000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task(attempt);
    } catch (error) {
      if (attempt >= attempts || !isTransient(error) || options.signal?.aborted) throw error;
      const delay = backoffDelay(attempt, base, max);
      options.onRetry?.(attempt, delay, error);
      await sleep(delay, options.signal);
    }
  }
}
