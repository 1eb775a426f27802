import { expect, test } from './support/test.ts';

/**
 * Organization settings: the time zone is picked from a searchable list (type a city), and an
 * edit that lost to someone else's save (412) is not lost: the page reloads the settings, shows
 * the person's unsaved value beside the current one, and re-applies it on request. axe runs on
 * the page and on the page showing the conflict. The settings are put back at the end.
 */

const OWNER = { email: 'olivia.owner@northwind.example', password: 'Harbour-Lantern-Violet-42' };

test('settings: a time zone from a searchable list; an edit that lost to another save is reloaded and re-applied', async ({
  page,
  check,
}) => {
  test.slow();
  await test.step('the owner signs in and opens Settings', async () => {
    await page.goto('/sign-in');
    await check.expectPage(page);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await check.expectPage(page, 'Home');
    await page.goto('/app/settings');
    await check.expectPage(page, 'Organization settings');
  });

  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await test.step('the time zone is searched by city and saved', async () => {
    await expect(zone).toHaveValue('Europe/London');
    await zone.fill('auckl');
    await page.getByRole('option', { name: 'Pacific/Auckland' }).click();
    await expect(zone).toHaveValue('Pacific/Auckland');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Settings saved')).toBeVisible();
  });

  await test.step('someone else saves the settings meanwhile; the owner’s edit is refused, reloaded, and re-applied', async () => {
    // The owner's page still shows the version it read. Another session saves a newer one.
    const origin = new URL(page.url()).origin;
    await expect.poll(async () => (await (await page.request.get('/api/organizations/current')).json()).timeZone).toBe('Pacific/Auckland');
    const read = await page.request.get('/api/organizations/current');
    const saved = await page.request.patch('/api/organizations/current', {
      headers: { origin, 'if-match': read.headers().etag ?? '' },
      data: { timeZone: 'Europe/London' },
    });
    expect(saved.status()).toBe(200);

    await page.getByRole('checkbox', { name: 'Auto-approve submitted milestones after N days' }).check();
    await page.getByRole('textbox', { name: 'Days in review before auto-approval', exact: true }).fill('21');
    await page.getByRole('button', { name: 'Save review setting' }).click();
    const alert = page.getByRole('status').filter({ hasText: 'Someone else saved these settings while you were editing' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Days in review before auto-approval');
    await expect(alert).toContainText('21 (now: none)');
    // Reloaded: the time zone saved by the other session shows.
    await expect(zone).toHaveValue('Europe/London');
    await check.expectAccessible(page, 'the settings after an edit lost to another save');
    await alert.getByRole('button', { name: 'Re-apply my changes' }).click();
    await expect(page.getByText('Auto-approval after 21 days turned on')).toBeVisible();
    await expect(alert).toBeHidden();
    const after = await (await page.request.get('/api/organizations/current')).json();
    expect(after).toMatchObject({ autoApproveDays: 21, timeZone: 'Europe/London' });
  });

  await test.step('the owner turns auto-approval off again', async () => {
    await page.getByRole('checkbox', { name: 'Auto-approve submitted milestones after N days' }).uncheck();
    await page.getByRole('button', { name: 'Save review setting' }).click();
    await expect(page.getByText('Auto-approval turned off')).toBeVisible();
  });
});
