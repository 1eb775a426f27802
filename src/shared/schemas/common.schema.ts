import { z } from 'zod';

/** Bounded building blocks: every string that reaches the server has a maximum length. */
export const idSchema = z.string().uuid();
export const emailSchema = z.string().trim().toLowerCase().max(254).email();
export const personNameSchema = z.string().trim().min(1).max(120);
export const businessNameSchema = z.string().trim().min(1).max(160);
export const idParamsSchema = z.object({ id: idSchema }).strict();

export const okSchema = z.object({ ok: z.literal(true) });

/** Every list: a bounded page size and an opaque keyset cursor. */
export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

/** A page of a list: its items and the cursor of the next page (null on the last). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
