import { MESSAGE_EDIT_WINDOW_MS } from '../../shared/domain/messages.ts';
import type { EngagementStatus } from '../../shared/domain/roles.ts';
import type { Actor } from './actor.ts';

/**
 * What an actor may do in a thread it can see: post while the engagement has been accepted
 * (staff viewers read only; a technician posts only about a job assigned to them, checked with
 * the subject); internal notes are for the organization's staff alone.
 */
export function threadAbilities(actor: Actor, engagement: { status: EngagementStatus }) {
  const accepted = engagement.status !== 'invited';
  const writes = actor.kind === 'staff' ? actor.role !== 'viewer' : actor.kind === 'contractor' || actor.kind === 'technician';
  return { post: accepted && writes, internalNotes: actor.kind === 'staff' };
}

/** Staff who may write internal notes: everyone on the staff but viewers. */
export function noteAbilities(actor: Actor) {
  return { post: actor.kind === 'staff' && actor.role !== 'viewer' };
}

/** Its author edits a message within 10 minutes of posting it, and deletes it any time; a deleted message is final. */
export function messageAbilities(actor: Actor, row: { authorUserId: string; createdAt: Date; deletedAt: Date | null }, now: Date) {
  const own = row.authorUserId === actor.userId && row.deletedAt === null;
  return { edit: own && now.getTime() - row.createdAt.getTime() < MESSAGE_EDIT_WINDOW_MS, delete: own };
}
