import { and, eq, isNotNull, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../shared/domain/accreditation.flags.ts';
import { contractors, notifications, technicianAccreditations, technicians } from '../db/schema/index.ts';
import { runAccreditationReminders } from '../modules/technicians/technicians.reminders.ts';
import { createOwnTestApp, type OwnTestApp } from '../test/own-database.ts';
import { seedDemo } from './demo.seed.ts';

describe('demo data: the crew', () => {
  let t: OwnTestApp;
  beforeAll(async () => {
    // A database of its own: the demo's addresses are fixed, so it is seeded once per database.
    t = await createOwnTestApp({ fresh: true });
    await seedDemo(t.db);
  });
  afterAll(async () => t?.dispose());

  it('gives Harbor Electrical three technicians with accreditations, one expiring within 30 days (and reminded)', async () => {
    const [harbor] = await t.db.select().from(contractors).where(eq(contractors.name, 'Harbor Electrical'));
    const crew = await t.db.select().from(technicians).where(eq(technicians.contractorId, harbor!.id));
    expect(crew).toHaveLength(3);
    const today = new Date().toISOString().slice(0, 10);
    const held = await t.db.select().from(technicianAccreditations).where(eq(technicianAccreditations.contractorId, harbor!.id));
    expect(new Set(held.map((a) => a.technicianId)).size).toBe(3);
    const expiring = await t.db
      .select()
      .from(technicianAccreditations)
      .where(
        and(
          eq(technicianAccreditations.contractorId, harbor!.id),
          isNotNull(technicianAccreditations.expiresOn),
          lte(technicianAccreditations.expiresOn, addCalendarDays(today, 30)),
        ),
      );
    expect(expiring.map((a) => a.type)).toEqual(['working_at_heights']);
    expect(await runAccreditationReminders(t.db)).toBe(1);
    const reminders = await t.db.select().from(notifications).where(eq(notifications.type, 'accreditation.expiring'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.title).toContain('Working at heights');
  });
});
