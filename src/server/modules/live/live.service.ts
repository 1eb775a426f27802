import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { twoFactorSensitiveRoles } from '../../../shared/domain/roles.ts';
import type { Actor } from '../../access/actor.ts';
import type { LoadedMembership } from '../../access/memberships.ts';
import type { InvalidationScope } from '../../access/sessions.cache.ts';
import type { Database } from '../../db/client.ts';
import { LiveConnection } from './live.connection.ts';
import { replayFor } from './live.events.ts';
import { LiveHub } from './live.hub.ts';

/** A comment on every stream this often: proxies keep the connection, and each stream's session is checked again. */
export const HEARTBEAT_MS = 20_000;

export interface LiveServiceOptions {
  database: Database;
  heartbeatMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The memberships a stream acts for: all of the person's (a tab may switch between them), less a
 * staff membership whose organization requires two-factor sign-in the person has not set up.
 */
function actorsOf(memberships: readonly LoadedMembership[], twoFactorEnabled: boolean): Actor[] {
  return memberships
    .filter((m) => !(m.requireTwoFactor && m.actor.kind === 'staff' && twoFactorSensitiveRoles.includes(m.actor.role) && !twoFactorEnabled))
    .map((m) => m.actor);
}

function touches(connection: LiveConnection, scope: InvalidationScope | 'all'): boolean {
  if (scope === 'all') return true;
  const at = scope.indexOf(':');
  const [kind, id] = [scope.slice(0, at), scope.slice(at + 1)];
  if (kind === 'user') return connection.userId === id;
  if (kind === 'organization') return connection.actors.some((a) => a.kind === 'staff' && a.organizationId === id);
  return connection.actors.some((a) => (a.kind === 'contractor' || a.kind === 'technician') && a.contractorId === id);
}

/** The event streams of one app: the hub, each stream's session kept in check, heartbeats. */
export class LiveService {
  readonly hub: LiveHub;
  private readonly requests = new Map<LiveConnection, FastifyRequest>();
  private timer: NodeJS.Timeout | undefined;
  private stopHearing: () => void = () => {};

  constructor(
    private readonly app: FastifyInstance,
    private readonly options: LiveServiceOptions,
  ) {
    this.hub = new LiveHub(options.database, options.onError);
  }

  /** Heartbeats, and a stream whose session ends (here or in another process) closes at once. */
  begin(): void {
    this.stopHearing = this.app.onSessionsDropped((scope) => {
      for (const connection of this.hub.all()) if (touches(connection, scope)) void this.recheck(connection);
    });
    this.timer = setInterval(() => this.beat(), this.options.heartbeatMs ?? HEARTBEAT_MS);
    this.timer.unref();
  }

  async end(): Promise<void> {
    this.stopHearing();
    if (this.timer) clearInterval(this.timer);
    this.requests.clear();
    await this.hub.stop();
  }

  /**
   * Opens a stream for the signed-in person: headers, then (with a last event id) what they missed
   * and may see, then live events as they commit.
   */
  async open(
    request: FastifyRequest,
    reply: FastifyReply,
    sinceId: number | undefined,
    userId: string,
    twoFactorEnabled: boolean,
  ): Promise<void> {
    await this.hub.start();
    const connection = new LiveConnection(userId, actorsOf(request.memberships, twoFactorEnabled), reply.raw);
    reply.hijack();
    connection.open(reply.getHeaders() as Record<string, string | number | string[]>);
    this.requests.set(connection, request);
    connection.whenClosed(() => this.requests.delete(connection));
    // Live first, then the replay: an event committing meanwhile is sent once (the connection remembers ids).
    this.hub.add(connection);
    if (sinceId !== undefined) {
      const replay = await replayFor(this.options.database.db, userId, connection.actors, sinceId);
      if (replay.kind === 'reset') connection.reset(replay.lastId);
      else for (const event of replay.events) connection.send(event);
    }
    connection.comment('ready');
  }

  private beat(): void {
    for (const connection of this.hub.all())
      void this.recheck(connection).then(() => {
        if (!connection.closed) connection.comment('heartbeat');
      });
  }

  /** The session again (cached, or from the database once the cache dropped it): ended → the stream closes; else its memberships now. */
  private async recheck(connection: LiveConnection): Promise<void> {
    const request = this.requests.get(connection);
    if (!request || connection.closed) return;
    try {
      const memberships = await this.app.recheckSession(request);
      if (memberships === null) connection.close();
      else connection.actors = actorsOf(memberships, request.ctx?.user.twoFactorEnabled ?? false);
    } catch (error) {
      // the database is briefly unreachable: keep the stream, check again on the next beat
      this.options.onError?.(error);
    }
  }
}
