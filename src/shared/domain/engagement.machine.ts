import type { Machine } from './machine.ts';
import type { EngagementStatus } from './roles.ts';

export const engagementEvents = ['activate', 'end', 'reactivate', 'reinvite'] as const;
export type EngagementEvent = (typeof engagementEvents)[number];

/**
 * invited ──(invitation accepted)──▶ active ──end──▶ ended ──reactivate──▶ active
 *    └───────────────end──────────────────────────▶ ended ──reinvite──▶ invited
 */
export const engagementMachine: Machine<EngagementStatus, EngagementEvent> = {
  activate: { from: ['invited'], to: 'active', actors: ['system'] },
  end: { from: ['invited', 'active'], to: 'ended', actors: ['staff'] },
  reactivate: { from: ['ended'], to: 'active', actors: ['staff'] },
  reinvite: { from: ['ended'], to: 'invited', actors: ['staff'] },
};
