import { z } from 'zod';

/** Bounded building blocks: every string that reaches the server has a maximum length. */
export const idSchema = z.string().uuid();
export const emailSchema = z.string().trim().toLowerCase().max(254).email();
export const personNameSchema = z.string().trim().min(1).max(120);
export const businessNameSchema = z.string().trim().min(1).max(160);
export const idParamsSchema = z.object({ id: idSchema }).strict();

export const okSchema = z.object({ ok: z.literal(true) });
