import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../shared/domain/accreditation.flags.ts';
import { accreditationReminders, notifications, technicianAccreditations, technicians } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { addTechnicianPersona, insertAccreditation, technicianIdOf } from '../../test/technicians.fixtures.ts';
import { createWorld, type World } from '../../test/world.ts';
import { reminderThreshold, runAccreditationReminders } from './technicians.reminders.ts';

/** A fake clock: noon UTC of a day. */
const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe('accreditation expiry reminders', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  const remindersOf = async (userId: string) =>
    t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.type, 'accreditation.expiring')));

  it('picks the nearest threshold', () => {
    expect(reminderThreshold('2026-12-08', '2026-12-01')).toBe(7);
    expect(reminderThreshold('2026-12-09', '2026-12-01')).toBe(30);
    expect(reminderThreshold('2026-12-31', '2026-12-01')).toBe(30);
    expect(reminderThreshold('2027-01-01', '2026-12-01')).toBeNull();
  });

  it('reminds the admins 30 and 7 days before, once each, across restarts and concurrent runs; renewals count again', async () => {
    // A day far from other tests' accreditations, so their rows do not change what this one sees.
    const start = '2031-03-01';
    const techId = technicianIdOf(w.xTech);
    const id = await insertAccreditation(t, {
      contractorId: w.contractorX,
      technicianId: techId,
      type: 'first_aid',
      expiresOn: '2031-03-26',
    });

    expect(await remindersOf(w.xAdmin.userId)).toEqual([]);
    await runAccreditationReminders(t.db, at(addCalendarDays(start, -10)));
    expect(await remindersOf(w.xAdmin.userId)).toEqual([]);

    await runAccreditationReminders(t.db, at(start));
    const first = await remindersOf(w.xAdmin.userId);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ contractorId: w.contractorX, link: `/portal/team/technicians/${techId}` });
    expect(first[0]?.title).toContain('First aid expires on 2031-03-26');
    // office members are not reminded; the other contractor hears nothing
    expect(await remindersOf(w.xOffice.userId)).toEqual([]);
    expect(await remindersOf(w.yAdmin.userId)).toEqual([]);

    // a restart the same day, and the next days: nothing new
    await runAccreditationReminders(t.db, at(start));
    await runAccreditationReminders(t.db, at('2031-03-10'));
    expect(await remindersOf(w.xAdmin.userId)).toHaveLength(1);

    // seven days before: the second reminder, once, even with two runs at the same moment
    await Promise.all([runAccreditationReminders(t.db, at('2031-03-19')), runAccreditationReminders(t.db, at('2031-03-19'))]);
    await runAccreditationReminders(t.db, at('2031-03-20'));
    expect(await remindersOf(w.xAdmin.userId)).toHaveLength(2);
    const claims = await t.db.select().from(accreditationReminders).where(eq(accreditationReminders.accreditationId, id));
    expect(claims.map((c) => c.thresholdDays).sort()).toEqual([30, 7]);

    // expired: no more reminders
    await runAccreditationReminders(t.db, at('2031-03-27'));
    expect(await remindersOf(w.xAdmin.userId)).toHaveLength(2);

    // renewed with a new expiry: reminded again before that one
    await t.db.update(technicianAccreditations).set({ expiresOn: '2031-05-20' }).where(eq(technicianAccreditations.id, id));
    await runAccreditationReminders(t.db, at('2031-04-25'));
    expect(await remindersOf(w.xAdmin.userId)).toHaveLength(3);
  });

  it('lists several in one notification, and skips removed technicians', async () => {
    const a = await addTechnicianPersona(t, w.contractorY, 'remind-a');
    const b = await addTechnicianPersona(t, w.contractorY, 'remind-b');
    const gone = await addTechnicianPersona(t, w.contractorY, 'remind-gone');
    await insertAccreditation(t, {
      contractorId: w.contractorY,
      technicianId: a.technicianId,
      type: 'white_card',
      expiresOn: '2032-06-10',
    });
    await insertAccreditation(t, {
      contractorId: w.contractorY,
      technicianId: b.technicianId,
      type: 'confined_space',
      expiresOn: '2032-06-20',
    });
    await insertAccreditation(t, {
      contractorId: w.contractorY,
      technicianId: gone.technicianId,
      type: 'first_aid',
      expiresOn: '2032-06-05',
    });
    await t.db.update(technicians).set({ removedAt: new Date() }).where(eq(technicians.id, gone.technicianId));
    await runAccreditationReminders(t.db, at('2032-06-01'));
    const reminders = await remindersOf(w.yAdmin.userId);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.title).toBe('2 accreditations expire soon');
    expect(reminders[0]?.body).toContain('White card');
    expect(reminders[0]?.body).toContain('Confined space');
    expect(reminders[0]?.body).not.toContain('First aid');
  });
});
