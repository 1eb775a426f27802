import type { Page } from '@playwright/test';
import { openMenu, openNav } from './support/nav.ts';
import { expect, type PageCheck, test } from './support/test.ts';

/**
 * Messages between two browser contexts: the contractor (on a phone) writes, the company sees it
 * appear without a reload (live events; the thread also polls every 15 s as a fallback), answers
 * with an attachment, and the contractor's unread count in the navigation updates. A message with
 * <script> and <img onerror> shows as text and runs nothing. axe runs on every page shown.
 */

const PASSWORD = 'Harbour-Lantern-Violet-42';
const OWNER = 'olivia.owner@northwind.example';
const CONTRACTOR_ADMIN = 'bea@brightline.example';
const PHONE = { width: 360, height: 740 };
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function signIn(page: Page, email: string, check: PageCheck): Promise<void> {
  await page.goto('/sign-in');
  await check.expectPage(page);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test('messages: written on one side, seen live on the other, answered with a file, counted as unread', async ({ page, newPage, check }) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const hostile = `Did you get my invoice ${stamp}? <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
  const answer = `Yes, approved today ${stamp}. The plan is attached.`;
  const contractor = await newPage({ viewport: PHONE });
  for (const p of [page, contractor]) p.on('dialog', (dialog) => void dialog.dismiss());

  await test.step('both sides open the thread', async () => {
    await signIn(page, OWNER, check);
    await openNav(page, /^Messages/);
    await check.expectPage(page, 'Messages');
    await page.getByRole('link', { name: 'Brightline Studio' }).click();
    await check.expectPage(page, /Messages with Brightline Studio/);

    await signIn(contractor, CONTRACTOR_ADMIN, check);
    await openNav(contractor, /^Messages/);
    await check.expectPage(contractor, 'Messages');
    await contractor.getByRole('link', { name: 'Northwind Facilities' }).click();
    await check.expectPage(contractor, /Messages with Northwind Facilities/);
  });

  await test.step('the contractor writes; the company sees it without a reload, as text', async () => {
    await contractor.getByRole('textbox', { name: 'Message' }).fill(hostile);
    await contractor.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(contractor.getByText(hostile)).toBeVisible();

    await expect(page.getByText(hostile)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('ol[aria-label="Messages, oldest first"] img')).toHaveCount(0);
    await expect(page.locator('ol[aria-label="Messages, oldest first"] script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await check.expectPage(page, /Messages with Brightline Studio/);
  });

  await test.step('the contractor leaves the thread; the company answers with a file', async () => {
    await openNav(contractor, 'Home');
    await check.expectPage(contractor, 'Home');

    await page.getByRole('textbox', { name: 'Message' }).fill(answer);
    // Dropped on the attachments zone, as from the desktop (the other journeys choose files through the input).
    const zone = page.getByRole('group', { name: 'Attachments', exact: true }).first();
    const dropped = await page.evaluateHandle(
      (bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'plan.png', { type: 'image/png' }));
        return transfer;
      },
      [...png],
    );
    for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer: dropped });
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByText(answer)).toBeVisible();
    await expect(page.getByRole('link', { name: /plan\.png/ }).first()).toBeVisible();
  });

  await test.step("the contractor's unread count updates without a reload, and the answer is there", async () => {
    await openMenu(contractor);
    await expect(contractor.getByTestId('unread-messages')).toHaveText(/1\s*unread/, { timeout: 70_000 });
    await openNav(contractor, /^Messages/);
    await check.expectPage(contractor, 'Messages');
    await contractor.getByRole('link', { name: 'Northwind Facilities' }).click();
    await expect(contractor.getByText(answer)).toBeVisible();
    await check.expectPage(contractor, /Messages with Northwind Facilities/);
  });
});
