import { describe, expect, it } from 'vitest';
import { signReplyAddress, verifyReplyAddress } from './notifications.reply.ts';

const SECRET = 'reply-test-secret-of-at-least-32-chars';
const claims = {
  threadId: '0b9f4c1e-2d3a-4b5c-8d6e-7f8091a2b3c4',
  userId: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
  expiresAt: new Date('2027-03-01T00:00:00Z'),
};
const now = new Date('2026-12-02T00:00:00Z');

describe('reply addresses', () => {
  it('round-trips the claims, in any case', () => {
    const address = signReplyAddress(SECRET, 'reply.portico.test', claims);
    expect(verifyReplyAddress(SECRET, address.toUpperCase(), now)).toEqual({ ok: true, claims });
  });

  it('refuses every one-character change, including the unused bits of the last character', () => {
    const address = signReplyAddress(SECRET, 'reply.portico.test', claims);
    const [local, domain] = address.split('@') as [string, string];
    const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
    let tried = 0;
    for (let i = 2; i < local.length; i++) {
      for (const char of alphabet) {
        if (char === local[i]) continue;
        const changed = `${local.slice(0, i)}${char}${local.slice(i + 1)}@${domain}`;
        expect(verifyReplyAddress(SECRET, changed, now).ok, changed).toBe(false);
        tried++;
      }
    }
    expect(tried).toBe((local.length - 2) * 31);
  });

  it('refuses another secret, an expired address and a malformed one', () => {
    const address = signReplyAddress(SECRET, 'reply.portico.test', claims);
    expect(verifyReplyAddress('another-secret-of-at-least-32-characters', address, now)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyReplyAddress(SECRET, address, new Date('2027-03-01T00:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
    expect(verifyReplyAddress(SECRET, 'r-short@reply.portico.test', now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyReplyAddress(SECRET, `${address.split('@')[0]}1@x`, now)).toEqual({ ok: false, reason: 'malformed' });
  });
});
