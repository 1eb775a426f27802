import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('contract revisions waiting for acknowledgement', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  async function activeContract(title: string): Promise<string> {
    const owner = clientFor(t, w.aOwner);
    const created = await owner.post('/api/contracts', {
      engagementId: w.engagementAX,
      title,
      rateType: 'fixed',
      rateAmountMinor: 1000,
      currency: 'EUR',
      startDate: '2026-01-01',
    });
    expect(created.statusCode).toBe(201);
    expect((await owner.post(`/api/contracts/${created.json().id}/activate`)).statusCode).toBe(200);
    return created.json().id;
  }

  it('marks the first revision as the activation itself (revision 1), to be acknowledged once', async () => {
    const id = await activeContract('Brand new');
    const contract = (await clientFor(t, w.xAdmin).get(`/api/contracts/${id}`)).json();
    expect(contract).toMatchObject({ status: 'active', revision: 1, unacknowledgedRevisions: 1 });
    const revisions = (await clientFor(t, w.xAdmin).get(`/api/contracts/${id}/revisions`)).json().items;
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ number: 1, kind: 'activation', changes: {} });
  });

  it('asks nothing about contracts that ended: their revisions no longer wait, in the list, the contract or Home', async () => {
    const ended = await activeContract('Ended work');
    const terminated = await activeContract('Terminated work');
    expect((await clientFor(t, w.aOwner).post(`/api/contracts/${ended}/end`)).statusCode).toBe(200);
    expect((await clientFor(t, w.aOwner).post(`/api/contracts/${terminated}/terminate`)).statusCode).toBe(200);
    const list = (await clientFor(t, w.xAdmin).get('/api/contracts')).json().items as Array<{
      id: string;
      unacknowledgedRevisions: number;
    }>;
    expect(list.filter((c) => c.id === ended || c.id === terminated).map((c) => c.unacknowledgedRevisions)).toEqual([0, 0]);
    expect((await clientFor(t, w.xAdmin).get(`/api/contracts/${ended}`)).json().unacknowledgedRevisions).toBe(0);
    const home = (await clientFor(t, w.xAdmin).get('/api/home')).json();
    expect(home.unacknowledged.items.map((r: { contractId: string }) => r.contractId)).not.toContain(ended);
    expect(home.unacknowledged.items.map((r: { contractId: string }) => r.contractId)).not.toContain(terminated);
  });
});
