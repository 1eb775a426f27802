/**
 * Waiting in tests: poll a condition until it holds, with a generous limit, never a fixed
 * sleep. A busy machine only makes a test slower, not wrong.
 */
export interface WaitOptions {
  /** Give up after this long (default 120 s: a loaded 2-core machine is slow, not broken). */
  timeoutMs?: number;
  /** Pause between checks (default 50 ms). */
  intervalMs?: number;
  /** Names what is awaited, for the error when it never comes. */
  message?: string;
}

/**
 * Calls `check` until it returns something other than undefined, null or false, and returns
 * that value. A check that throws counts as "not yet"; the last error is reported on timeout.
 */
export async function waitFor<T>(check: () => T | Promise<T>, options: WaitOptions = {}): Promise<Exclude<T, undefined | null | false>> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const intervalMs = options.intervalMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value as Exclude<T, undefined | null | false>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? `: last error ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.message ?? 'a condition'}${reason}`);
    }
    await pause(intervalMs);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
