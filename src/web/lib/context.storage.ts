/** The membership the user acts as, remembered per browser. Sent as `x-portico-context`. */
const STORAGE_KEY = 'portico.context';

export function readContextKey(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function writeContextKey(key: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Storage can be unavailable (private mode, quota); the server then picks a default.
  }
}

export function clearContextKey(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}
