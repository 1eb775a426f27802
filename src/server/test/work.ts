import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';
import { clientFor, type Persona, type World } from './world.ts';

/** An active contract between A and X, made through the API as A's owner. */
export async function createActiveContract(t: TestApp, w: World, overrides: Record<string, unknown> = {}): Promise<string> {
  const owner = clientFor(t, w.aOwner);
  const res = await owner.post('/api/contracts', {
    engagementId: w.engagementAX,
    title: 'Brand refresh',
    scopeHtml: '<p>Logo, palette and a style guide.</p>',
    rateType: 'milestone',
    rateAmountMinor: 900_000,
    currency: 'EUR',
    startDate: '2026-01-01',
    endDate: '2027-06-30',
    ipClause: 'All deliverables are assigned to the client on payment.',
    noticePeriodDays: 14,
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  const activated = await owner.post(`/api/contracts/${res.json().id}/activate`);
  expect(activated.statusCode, activated.body).toBe(200);
  return res.json().id;
}

export async function createMilestone(t: TestApp, w: World, contractId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await clientFor(t, w.aOwner).post(`/api/contracts/${contractId}/milestones`, {
    title: 'Logo concepts',
    dueDate: '2026-09-30',
    amountMinor: 250_000,
    currency: 'EUR',
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A milestone already marked "Ready for review" by X's admin. */
export async function createSubmittedMilestone(t: TestApp, w: World, contractId: string, by: Persona = w.xAdmin): Promise<string> {
  const id = await createMilestone(t, w, contractId);
  const res = await clientFor(t, by).post(`/api/milestones/${id}/submit`, {
    note: 'Three concepts attached.',
    links: ['https://figma.example/file/1'],
  });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}
