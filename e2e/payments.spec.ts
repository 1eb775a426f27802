import type { Page } from '@playwright/test';
import { openNav } from './support/nav.ts';
import { expect, test } from './support/test.ts';

/**
 * Pay contractors, on both sides: finance enters a draft for Brightline Studio and sends it with a
 * proof (an image, uploaded with its progress); the contractor's admin, on a phone, opens the
 * payment, sees the proof and confirms receipt. The four-eyes setting is on the settings page.
 * axe runs on every page and dialog shown.
 */

const PASSWORD = 'Harbour-Lantern-Violet-42';
const FINANCE = 'fiona.finance@northwind.example';
const OWNER = 'olivia.owner@northwind.example';
const CONTRACTOR_ADMIN = 'bea@brightline.example';
const CONTRACTOR = 'Brightline Studio';
const PHONE = { width: 360, height: 740 };

/** A real 1×1 PNG: the browser shows it, the server detects it from the bytes. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

async function signIn(page: Page, email: string, check: { expectPage(page: Page, heading?: string): Promise<void> }): Promise<void> {
  await page.goto('/sign-in');
  await check.expectPage(page);
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await check.expectPage(page, 'Home');
}

test('finance sends a payment with proof; the contractor sees it on a phone and confirms receipt', async ({ page, newPage, check }) => {
  test.slow();
  const what = `Expenses ${Date.now().toString(36)}`;

  await test.step('finance opens Pay contractors and creates a draft by hand', async () => {
    await signIn(page, FINANCE, check);
    await openNav(page, 'Pay contractors');
    await check.expectPage(page, 'Pay contractors');
    await page.getByRole('button', { name: 'New payment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New payment' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: /Contractor/ }).click();
    await page.getByRole('option', { name: CONTRACTOR }).first().click();
    await field(page, 'Amount').fill('320.50');
    await field(page, 'What it is for').fill(what);
    await check.expectAccessible(page, 'new payment dialog');
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await check.expectPage(page, `€320.50: ${what}`);
  });

  await test.step('finance sends it with a proof image', async () => {
    await page.getByRole('button', { name: 'Send payment' }).click();
    const dialog = page.getByRole('dialog', { name: /^Send €320\.50 to/ });
    await expect(dialog).toBeVisible();
    await field(page, 'Reference of the transfer').fill('WISE-E2E-1');
    await page.locator('input[type="file"]').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: png });
    await expect(dialog.getByRole('listitem').filter({ hasText: 'receipt.png' })).toContainText('Uploaded');
    await check.expectAccessible(page, 'send dialog with a proof');
    await dialog.getByRole('button', { name: 'Send payment' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main').getByText('WISE-E2E-1')).toBeVisible();
    await expect(page.getByRole('img', { name: /Proof of payment: receipt\.png/ })).toBeVisible();
    await check.expectAccessible(page, 'sent payment');
  });

  const contractor = await newPage({ viewport: PHONE });

  await test.step('the contractor, on a phone, opens the payment, sees the proof and confirms receipt', async () => {
    await signIn(contractor, CONTRACTOR_ADMIN, check);
    await openNav(contractor, 'Payments');
    await check.expectPage(contractor, 'Payments');
    await contractor.getByRole('link', { name: what }).first().click();
    await check.expectPage(contractor, `€320.50: ${what}`);
    await expect(contractor.getByRole('img', { name: /Proof of payment/ })).toBeVisible();
    await contractor.getByRole('button', { name: 'Confirm receipt' }).click();
    const confirm = contractor.getByRole('alertdialog', { name: 'Did the money arrive?' });
    await check.expectAccessible(contractor, 'confirm receipt dialog');
    await confirm.getByRole('button', { name: 'Confirm receipt' }).click();
    await expect(confirm).toBeHidden();
    await expect(contractor.getByRole('main').getByText('Received').first()).toBeVisible();
  });

  await test.step('the owner finds the four-eyes rule on the settings page', async () => {
    const owner = await newPage();
    await signIn(owner, OWNER, check);
    await openNav(owner, 'Settings');
    await check.expectPage(owner, 'Organization settings');
    await expect(owner.getByRole('heading', { name: 'Payments: four-eyes rule' })).toBeVisible();
    await check.expectAccessible(owner, 'settings with the four-eyes rule');
  });
});
