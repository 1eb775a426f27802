import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { kindOfType } from '../../../shared/domain/notification.kinds.ts';
import { idParamsSchema, okSchema, pageOf, pageQuerySchema } from '../../../shared/schemas/common.schema.ts';
import {
  notificationFilterSchema,
  notificationGroupKeySchema,
  notificationGroupSchema,
  notificationSchema,
  notificationSettingsChangeSchema,
  notificationSettingsSchema,
} from '../../../shared/schemas/notification.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { expectedVersionOf } from '../../http/versions.plugin.ts';
import { notFound } from '../../lib/errors.ts';
import {
  isOwnNotification,
  listNotificationGroups,
  listNotifications,
  markAllNotificationsRead,
  markGroupRead,
  markNotificationRead,
  type NotificationGroup,
  type NotificationRow,
} from './notifications.centre.ts';
import { readNotificationSettings, updateNotificationSettings } from './notifications.preferences.ts';
import { listMailbox } from './notifications.service.ts';

function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1' || ip.startsWith('127.');
}

const presentNotification = (n: NotificationRow) => ({
  id: n.id,
  type: n.type,
  kind: kindOfType(n.type),
  title: n.title,
  body: n.body,
  link: n.link,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

const presentGroup = (g: NotificationGroup) => ({
  key: g.key,
  kind: kindOfType(g.latest.type),
  subject: g.latest.subjectType && g.latest.subjectId ? { type: g.latest.subjectType, id: g.latest.subjectId, label: g.label } : null,
  summary: g.count > 1 ? `${g.count} updates on ${g.label ?? g.latest.title}` : g.latest.title,
  count: g.count,
  unread: g.unread,
  latest: presentNotification(g.latest),
});

const presentSettings = (s: Awaited<ReturnType<typeof readNotificationSettings>>) => ({ ...s, securityEmails: 'always' as const });

export function registerNotificationRoutes(app: FastifyInstance, deps: { db: Db; devMailbox: boolean }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const session = { auth: 'session' as const, allowBeforeTwoFactor: true };

  typed.get(
    '/api/notifications',
    {
      config: session,
      schema: {
        tags,
        summary: 'My notifications one by one, newest first, a page at a time, with the unread count; `group` opens one group',
        querystring: notificationFilterSchema
          .extend({ group: z.string().min(1).max(200).optional() })
          .extend(pageQuerySchema.shape)
          .strict(),
        response: { 200: pageOf(notificationSchema).extend({ unread: z.number() }) },
      },
    },
    async (request) => {
      const { unread, kind, group, limit, cursor } = request.query;
      const result = await listNotifications(deps.db, contextOf(request), { unreadOnly: unread === 'true', kind, group, limit, cursor });
      return { unread: result.unread, nextCursor: result.nextCursor, items: result.items.map(presentNotification) };
    },
  );

  typed.get(
    '/api/notifications/groups',
    {
      config: session,
      schema: {
        tags,
        summary: 'The notification centre: one entry per subject ("3 updates on Colour palette"), newest activity first, paged',
        querystring: notificationFilterSchema.extend(pageQuerySchema.shape).strict(),
        response: { 200: pageOf(notificationGroupSchema).extend({ unread: z.number() }) },
      },
    },
    async (request) => {
      const { unread, kind, limit, cursor } = request.query;
      const result = await listNotificationGroups(deps.db, contextOf(request), { unreadOnly: unread === 'true', kind, limit, cursor });
      return { unread: result.unread, nextCursor: result.nextCursor, items: result.items.map(presentGroup) };
    },
  );

  typed.post(
    '/api/notifications/:id/read',
    {
      config: session,
      schema: { tags, summary: 'Mark one notification read', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (request) => {
      const ctx = contextOf(request);
      const changed = await markNotificationRead(deps.db, ctx, request.params.id);
      if (!changed) {
        if (!(await isOwnNotification(deps.db, ctx, request.params.id))) throw notFound('This notification');
      }
      return { ok: true as const };
    },
  );

  typed.post(
    '/api/notifications/groups/read',
    {
      config: session,
      schema: {
        tags,
        summary: 'Mark a group of notifications (one subject) read',
        body: notificationGroupKeySchema,
        response: { 200: z.object({ ok: z.literal(true), marked: z.number().int() }) },
      },
    },
    async (request) => {
      const marked = await markGroupRead(deps.db, contextOf(request), request.body.key);
      if (marked === null) throw notFound('This group of notifications');
      return { ok: true as const, marked };
    },
  );

  typed.post(
    '/api/notifications/read-all',
    {
      config: session,
      schema: {
        tags,
        summary: 'Mark all my notifications read, or all of one kind',
        body: z.object({ kind: notificationFilterSchema.shape.kind }).strict().optional(),
        response: { 200: z.object({ ok: z.literal(true), marked: z.number().int() }) },
      },
    },
    async (request) => {
      const marked = await markAllNotificationsRead(deps.db, contextOf(request), request.body?.kind);
      return { ok: true as const, marked };
    },
  );

  typed.get(
    '/api/notifications/settings',
    {
      config: { ...session, versioned: 'read' },
      schema: {
        tags,
        summary: 'My notification settings: a channel per kind (in the app, by email, both, none) and when emails go out',
        response: { 200: notificationSettingsSchema },
      },
    },
    async (request) => presentSettings(await readNotificationSettings(deps.db, contextOf(request).actor.userId)),
  );

  typed.patch(
    '/api/notifications/settings',
    {
      config: { ...session, versioned: 'edit' },
      schema: {
        tags,
        summary: 'Change my notification settings (If-Match: the ETag as read); security emails always go',
        body: notificationSettingsChangeSchema,
        response: { 200: notificationSettingsSchema },
      },
    },
    async (request) =>
      presentSettings(await updateNotificationSettings(deps.db, contextOf(request), expectedVersionOf(request), request.body)),
  );

  if (!deps.devMailbox) return;
  typed.get(
    '/api/dev/mailbox',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['development'],
        summary: 'Development only: the emails Portico sent, to this machine only (absent in production and when SMTP_URL is set)',
        querystring: z.object({ to: z.string().max(254).optional() }).strict(),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                to: z.string(),
                subject: z.string(),
                text: z.string(),
                html: z.string(),
                status: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      if (!isLoopback(request.ip)) throw notFound('This page');
      const rows = await listMailbox(deps.db, request.query.to?.toLowerCase());
      return {
        items: rows.map((e) => ({
          id: e.id,
          to: e.toAddress,
          subject: e.subject,
          text: e.text,
          html: e.html,
          status: e.status,
          createdAt: e.createdAt.toISOString(),
        })),
      };
    },
  );
}
