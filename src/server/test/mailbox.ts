import { desc, eq } from 'drizzle-orm';
import { emails } from '../db/schema/index.ts';
import type { TestApp } from './test-app.ts';

/** The newest email queued for an address (the dev mailbox table), and the token in its link. */
export async function lastEmailTo(t: TestApp, address: string) {
  const [email] = await t.db.select().from(emails).where(eq(emails.toAddress, address)).orderBy(desc(emails.createdAt)).limit(1);
  const token = email?.text.match(/token=([A-Za-z0-9_%-]+)/)?.[1];
  return { email, token: token ? decodeURIComponent(token) : undefined };
}
