import { expect, test } from './support/test.ts';

/**
 * Live updates (issue 11): two people in two browsers. The contractor's portal is open; the
 * company activates a contract; the contractor's bell shows the new notification without a
 * reload, well before its one-minute poll, because the tab's event stream said so.
 */

const PASSWORD = 'Harbour-Lantern-Violet-42';
const OWNER = 'olivia.owner@northwind.example';
const CONTRACTOR = 'bea@brightline.example';

test("live updates: the company activates a contract and the contractor's bell counts it without a reload", async ({ newPage, check }) => {
  test.slow();
  const signIn = async (email: string, home: string) => {
    const page = await newPage();
    await page.goto('/sign-in');
    await check.expectPage(page);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    // The shell opens the tab's event stream after its first render.
    const stream = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/events');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect((await stream).status()).toBe(200);
    await check.expectPage(page, 'Home');
    await expect(page).toHaveURL(new RegExp(`${home}(/|$)`));
    return page;
  };
  const contractor = await signIn(CONTRACTOR, '/portal');
  const owner = await signIn(OWNER, '/app');

  const bell = contractor.getByRole('link', { name: /^Notifications/ });
  const unread = async () => Number((await bell.getAttribute('aria-label'))?.match(/(\d+) unread/)?.[1] ?? 0);
  const before = await unread();
  await test.step('the owner activates a new contract with Brightline (through the API, from the owner’s browser)', async () => {
    const origin = new URL(owner.url()).origin;
    const engagements = (await (await owner.request.get('/api/engagements')).json()) as {
      items: Array<{ id: string; status: string; contractor: { name: string } }>;
    };
    const engagement = engagements.items.find((e) => e.contractor.name.includes('Brightline') && e.status === 'active');
    expect(engagement).toBeTruthy();
    const created = await owner.request.post('/api/contracts', {
      headers: { origin },
      data: {
        engagementId: engagement!.id,
        title: 'Live updates retainer',
        scopeHtml: '<p>Seen as it happens.</p>',
        rateType: 'milestone',
        rateAmountMinor: 120_000,
        currency: 'EUR',
        startDate: '2026-12-01',
        endDate: '2027-11-30',
        ipClause: 'Assigned on payment.',
        noticePeriodDays: 14,
      },
    });
    expect(created.status()).toBe(201);
    const activated = await owner.request.post(`/api/contracts/${(await created.json()).id}/activate`, { headers: { origin }, data: {} });
    expect(activated.status()).toBe(200);
  });

  await test.step('the contractor’s bell counts it within seconds, without a reload', async () => {
    const loads = await contractor.evaluate(() => performance.getEntriesByType('navigation').length);
    await expect.poll(unread, { timeout: 15_000 }).toBe(before + 1);
    expect(await contractor.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads);
    await check.expectAccessible(contractor, 'the portal after a live update');
  });
});
