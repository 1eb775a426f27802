import { eq } from 'drizzle-orm';
import {
  defaultChannels,
  type EmailSchedule,
  type NotificationChannel,
  type NotificationKind,
  notificationChannels,
  notificationKinds,
} from '../../../shared/domain/notification.kinds.ts';
import type { RequestContext } from '../../access/actor.ts';
import type { Db, Executor } from '../../db/client.ts';
import { notificationSettings } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { assertExpectedVersion, type ExpectedVersion, staleVersion } from '../../lib/versions.ts';

export interface NotificationSettings {
  channels: Record<NotificationKind, NotificationChannel>;
  emailSchedule: EmailSchedule;
  /** 0 until the person first saves: the defaults apply. */
  version: number;
}

const isChannel = (value: unknown): value is NotificationChannel => notificationChannels.includes(value as NotificationChannel);

function settingsOf(row: typeof notificationSettings.$inferSelect | undefined): NotificationSettings {
  const channels = Object.fromEntries(
    notificationKinds.map((kind) => {
      const chosen = row?.channels[kind];
      return [kind, isChannel(chosen) ? chosen : defaultChannels[kind]];
    }),
  ) as Record<NotificationKind, NotificationChannel>;
  return { channels, emailSchedule: row?.emailSchedule ?? 'batched', version: row?.version ?? 0 };
}

/** The person's settings, the defaults filled in. */
export async function readNotificationSettings(db: Executor, userId: string): Promise<NotificationSettings> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  return settingsOf(row);
}

export interface SettingsChange {
  channels?: Partial<Record<NotificationKind, NotificationChannel>>;
  emailSchedule?: EmailSchedule;
}

/** Saves a change to the actor's own settings, if the version they edited is still current (412 otherwise). */
export async function updateNotificationSettings(
  db: Db,
  ctx: RequestContext,
  expected: ExpectedVersion,
  change: SettingsChange,
): Promise<NotificationSettings> {
  const userId = ctx.actor.userId;
  return runInTransaction(db, async (tx) => {
    const [row] = await tx.select().from(notificationSettings).where(eq(notificationSettings.userId, userId)).for('update');
    const current = settingsOf(row);
    assertExpectedVersion(expected, 'Your notification settings', current.version);
    const next = {
      channels: { ...current.channels, ...change.channels },
      emailSchedule: change.emailSchedule ?? current.emailSchedule,
      version: current.version + 1,
      updatedAt: new Date(),
    };
    // Two first saves at once: the second finds the row written and is stale.
    const written = row
      ? await tx.update(notificationSettings).set(next).where(eq(notificationSettings.userId, userId)).returning()
      : await tx
          .insert(notificationSettings)
          .values({ userId, ...next })
          .onConflictDoNothing()
          .returning();
    if (!written[0]) throw staleVersion('Your notification settings', (await readNotificationSettings(tx, userId)).version);
    return settingsOf(written[0]);
  });
}
