import { expect, test } from './support/test.ts';

/**
 * The notification centre of a contractor's admin: updates about one thing are one row
 * ("3 updates on …"), Show all opens them, a group is marked read at once, filters by kind stay
 * in the address; then the notification settings: a channel per kind saved with its version.
 * At 360 px wide. axe runs on every page shown. The settings are put back at the end.
 */

const BEA = { email: 'bea@brightline.example', password: 'Harbour-Lantern-Violet-42' };

test('notifications: a grouped centre, a group marked read, filters, and settings per kind at 360 px', async ({ page, check }) => {
  test.slow();
  await page.setViewportSize({ width: 360, height: 800 });
  await test.step('the contractor admin signs in and opens Notifications', async () => {
    await page.goto('/sign-in');
    await check.expectPage(page);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(BEA.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(BEA.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await check.expectPage(page, 'Home');
    await page.goto('/portal/notifications');
    await check.expectPage(page, 'Notifications');
  });

  const list = page.getByRole('list', { name: 'Notifications' });
  const grouped = list
    .getByRole('listitem')
    .filter({ hasText: /\d+ updates on / })
    .first();
  await test.step('updates about one milestone are one row; Show all opens them; the group is marked read', async () => {
    await expect(grouped).toBeVisible();
    const summary = (await grouped.getByRole('link').first().textContent()) ?? '';
    const count = Number(/^(\d+) updates/.exec(summary)?.[1]);
    expect(count).toBeGreaterThan(1);
    await grouped.getByRole('button', { name: new RegExp(`^Show all ${count}`) }).click();
    await expect(grouped.getByRole('listitem')).toHaveCount(count);
    await check.expectAccessible(page, 'a group opened');
    const markRead = grouped.getByRole('button', { name: /^Mark as read/ });
    if (await markRead.isVisible()) {
      await markRead.click();
      await expect(markRead).toBeHidden();
    }
  });

  await test.step('the filters by kind and unread stay in the address', async () => {
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('contract');
    await expect(page).toHaveURL(/kind=contract/);
    await expect(list.getByRole('listitem').first()).toBeVisible();
    await page.getByRole('combobox', { name: 'Show' }).selectOption('unread');
    await expect(page).toHaveURL(/unread=true/);
    await check.expectAccessible(page, 'filtered');
  });

  await test.step('the settings: payments in the app only, saved with its version, then put back', async () => {
    await page.getByRole('link', { name: 'Notification settings' }).click();
    await check.expectPage(page, 'Notification settings');
    await expect(page.getByText('Security emails always go')).toBeVisible();
    const payments = page.getByRole('combobox', { name: /^Payments/ });
    const before = await payments.inputValue();
    await payments.selectOption('in_app');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Notification settings saved')).toBeVisible();
    await page.reload();
    await check.expectPage(page, 'Notification settings');
    await expect(payments).toHaveValue('in_app');
    await payments.selectOption(before);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  });
});
