import { createHash, randomBytes, randomUUID } from 'node:crypto';

export function createId(): string {
  return randomUUID();
}

/** A secret token with 256 bits of randomness, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
