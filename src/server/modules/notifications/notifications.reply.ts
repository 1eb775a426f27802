import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Reply addresses: `r-<token>@<domain>`, one per message thread and recipient. The token holds
 * the thread id, the user id (both UUIDs, 16 bytes each), an expiry (seconds since 1970, 4
 * bytes) and an HMAC-SHA256 of those under a key derived from the server secret (8 bytes kept:
 * guessing one costs an SMTP conversation each, 2^64 of them). Base32 in lower case, so a mail
 * server that folds the case of the local part keeps it valid.
 */
const PREFIX = 'r-';
const MAC_BYTES = 8;
const PAYLOAD_BYTES = 16 + 16 + 4;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** How long a reply address works after the email that carried it. */
export const REPLY_ADDRESS_DAYS = 90;

export interface ReplyAddressClaims {
  threadId: string;
  userId: string;
  expiresAt: Date;
}

export type ReplyAddressCheck = { ok: true; claims: ReplyAddressClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

function encodeBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function decodeBase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

const uuidBytes = (id: string): Buffer => {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`reply addresses need UUIDs, got ${id.slice(0, 40)}`);
  return Buffer.from(hex, 'hex');
};

const uuidOf = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const macOf = (secret: string, payload: Buffer): Buffer =>
  createHmac('sha256', createHmac('sha256', secret).update('portico reply address v1').digest())
    .update(payload)
    .digest()
    .subarray(0, MAC_BYTES);

/** The reply address of one thread for one person, valid until `expiresAt`. */
export function signReplyAddress(secret: string, domain: string, claims: ReplyAddressClaims): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  uuidBytes(claims.threadId).copy(payload, 0);
  uuidBytes(claims.userId).copy(payload, 16);
  payload.writeUInt32BE(Math.floor(claims.expiresAt.getTime() / 1000), 32);
  return `${PREFIX}${encodeBase32(Buffer.concat([payload, macOf(secret, payload)]))}@${domain}`;
}

/** Checks a reply address (any case, any domain: the listener decides which domains it serves). */
export function verifyReplyAddress(secret: string, address: string, now = new Date()): ReplyAddressCheck {
  const local = address.trim().toLowerCase().split('@')[0] ?? '';
  if (!local.startsWith(PREFIX) || local.length > PREFIX.length + 80) return { ok: false, reason: 'malformed' };
  const token = local.slice(PREFIX.length);
  const bytes = decodeBase32(token);
  if (!bytes || bytes.length !== PAYLOAD_BYTES + MAC_BYTES) return { ok: false, reason: 'malformed' };
  // One address per token: the last character carries 3 unused bits, which must be zero.
  if (encodeBase32(bytes) !== token) return { ok: false, reason: 'forged' };
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), macOf(secret, payload))) return { ok: false, reason: 'forged' };
  const expiresAt = new Date(payload.readUInt32BE(32) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { threadId: uuidOf(payload.subarray(0, 16)), userId: uuidOf(payload.subarray(16, 32)), expiresAt } };
}
