import { describe, expect, it } from 'vitest';
import { ApiError } from './api.request.ts';
import { backoffDelay, isTransient, withRetry } from './retry.ts';

describe('retry with backoff', () => {
  it('retries a dropped connection and a server fault, then succeeds', async () => {
    const seen: number[] = [];
    const result = await withRetry(
      async (attempt) => {
        seen.push(attempt);
        if (attempt === 1) throw new ApiError(0, 'NETWORK', 'offline');
        if (attempt === 2) throw new ApiError(503, 'HTTP_503', 'busy');
        return 'stored';
      },
      { baseDelayMs: 1, maxDelayMs: 5 },
    );
    expect(result).toBe('stored');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('throws a refusal at once: the same request would be refused again', async () => {
    let tries = 0;
    const refusal = new ApiError(400, 'BAD_REQUEST', 'This file is not an image.');
    await expect(
      withRetry(
        async () => {
          tries += 1;
          throw refusal;
        },
        { baseDelayMs: 1 },
      ),
    ).rejects.toBe(refusal);
    expect(tries).toBe(1);
  });

  it('gives up after the last try with the last error', async () => {
    let tries = 0;
    await expect(
      withRetry(
        async () => {
          tries += 1;
          throw new ApiError(0, 'NETWORK', `try ${tries}`);
        },
        { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
      ),
    ).rejects.toThrow('try 3');
    expect(tries).toBe(3);
  });

  it('doubles the wait each time, capped, with at most a quarter of jitter', () => {
    expect(backoffDelay(1, 1000, 15_000, () => 0)).toBe(1000);
    expect(backoffDelay(3, 1000, 15_000, () => 0)).toBe(4000);
    expect(backoffDelay(10, 1000, 15_000, () => 0)).toBe(15_000);
    expect(backoffDelay(2, 1000, 15_000, () => 1)).toBe(2500);
    expect(isTransient(new ApiError(429, 'RATE_LIMITED', 'slow down'))).toBe(true);
    expect(isTransient(new ApiError(409, 'CONFLICT', 'state changed'))).toBe(false);
    expect(isTransient(new DOMException('Cancelled.', 'AbortError'))).toBe(false);
  });
});
