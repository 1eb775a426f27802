import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema, pageOf, pageQuerySchema } from '../../../shared/schemas/common.schema.ts';
import { notificationSchema } from '../../../shared/schemas/notification.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { notFound } from '../../lib/errors.ts';
import {
  isOwnNotification,
  listMailbox,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.service.ts';

function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1' || ip.startsWith('127.');
}

export function registerNotificationRoutes(app: FastifyInstance, deps: { db: Db; devMailbox: boolean }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  typed.get(
    '/api/notifications',
    {
      config: { auth: 'session', allowBeforeTwoFactor: true },
      schema: {
        tags,
        summary: 'My notifications, newest first, a page at a time, with the unread count',
        querystring: z
          .object({ unread: z.enum(['true', 'false']).optional() })
          .extend(pageQuerySchema.shape)
          .strict(),
        response: { 200: pageOf(notificationSchema).extend({ unread: z.number() }) },
      },
    },
    async (request) => {
      const { unread, limit, cursor } = request.query;
      const result = await listNotifications(deps.db, contextOf(request), { unreadOnly: unread === 'true', limit, cursor });
      return {
        unread: result.unread,
        nextCursor: result.nextCursor,
        items: result.items.map((n) => ({
          id: n.id,
          type: n.type,
          title: n.title,
          body: n.body,
          link: n.link,
          readAt: n.readAt?.toISOString() ?? null,
          createdAt: n.createdAt.toISOString(),
        })),
      };
    },
  );

  typed.post(
    '/api/notifications/:id/read',
    {
      config: { auth: 'session', allowBeforeTwoFactor: true },
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
    '/api/notifications/read-all',
    {
      config: { auth: 'session', allowBeforeTwoFactor: true },
      schema: { tags, summary: 'Mark all my notifications read', response: { 200: okSchema } },
    },
    async (request) => {
      await markAllNotificationsRead(deps.db, contextOf(request));
      return { ok: true as const };
    },
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
