import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  chain: string;
  seq: number;
  organizationId: string | null;
  contractorId: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
}

/** JSON with object keys sorted, so the hash does not depend on how jsonb orders keys. */
export function canonicalize(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalize(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function computeAuditHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalize({
        chain: fields.chain,
        seq: fields.seq,
        organizationId: fields.organizationId,
        contractorId: fields.contractorId,
        actorUserId: fields.actorUserId,
        action: fields.action,
        entityType: fields.entityType,
        entityId: fields.entityId,
        before: fields.before,
        after: fields.after,
        createdAt: fields.createdAt.toISOString(),
      }),
    )
    .digest('hex');
}

export function chainFor(organizationId: string | null, contractorId: string | null): string {
  if (organizationId) return `org:${organizationId}`;
  if (contractorId) return `contractor:${contractorId}`;
  return 'system';
}
