import { eq } from 'drizzle-orm';
import type { AccreditationType } from '../../shared/domain/accreditations.ts';
import type { Tx } from '../db/client.ts';
import { technicianAccreditations, technicians, users } from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { daysFromNow } from './demo.data.ts';

/** Harbor Electrical's crew: its technician from the demo people, and two more (they sign in with emailed links). */
export const demoCrewMembers = [
  { name: 'Ivan Installer', email: 'ivan.installer@harbor-electric.example', mobile: '+44 7700 900123' },
  { name: 'Uma Utility', email: 'uma.utility@harbor-electric.example', mobile: '+44 7700 900456' },
] as const;

/** Who holds what: Tess's working-at-heights card expires within 30 days (flagged, and reminded). */
const demoAccreditations: Record<string, Array<{ type: AccreditationType; number: string; inDays: number | null }>> = {
  'tess.tech@harbor-electric.example': [
    { type: 'electrical_licence', number: 'EL-204117', inDays: 400 },
    { type: 'working_at_heights', number: 'WAH-88213', inDays: 20 },
    { type: 'first_aid', number: 'FA-5521', inDays: 250 },
  ],
  'ivan.installer@harbor-electric.example': [
    { type: 'electrical_licence', number: 'EL-310552', inDays: 700 },
    { type: 'working_at_heights', number: 'WAH-90411', inDays: 500 },
    { type: 'white_card', number: 'WC-1187', inDays: null },
  ],
  'uma.utility@harbor-electric.example': [
    { type: 'fire_systems', number: 'FS-7720', inDays: 300 },
    { type: 'confined_space', number: 'CS-4410', inDays: 180 },
  ],
};

/**
 * Three technicians with accreditations for the contractor `contractorId` (Harbor Electrical),
 * one expiring within 30 days, as its admin would have recorded them.
 */
export async function seedDemoTechnicians(tx: Tx, contractorId: string, adminId: string): Promise<void> {
  const people = demoCrewMembers.map((p) => ({ ...p, userId: createId(), technicianId: createId() }));
  await tx.insert(users).values(people.map((p) => ({ id: p.userId, name: p.name, email: p.email, emailVerified: true })));
  await tx
    .insert(technicians)
    .values(people.map((p) => ({ id: p.technicianId, contractorId, userId: p.userId, name: p.name, mobile: p.mobile })));
  const crew = await tx
    .select({ id: technicians.id, email: users.email })
    .from(technicians)
    .innerJoin(users, eq(users.id, technicians.userId))
    .where(eq(technicians.contractorId, contractorId));
  const rows = crew.flatMap((member) =>
    (demoAccreditations[member.email] ?? []).map((a) => ({
      id: createId(),
      contractorId,
      technicianId: member.id,
      type: a.type,
      number: a.number,
      expiresOn: a.inDays === null ? null : daysFromNow(a.inDays),
    })),
  );
  if (rows.length === 0) return;
  await tx.insert(technicianAccreditations).values(rows);
  for (const row of rows)
    await recordAudit(tx, {
      actorUserId: adminId,
      contractorId,
      action: 'accreditation.added',
      entityType: 'technician_accreditation',
      entityId: row.id,
      after: { technicianId: row.technicianId, type: row.type, number: row.number, expiresOn: row.expiresOn, source: 'demo data' },
    });
}
