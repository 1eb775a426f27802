import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { extractPdfText } from '../src/server/test/pdf.text.ts';
import { openNav } from './support/nav.ts';
import { expect, test } from './support/test.ts';

/**
 * Money, end to end (issue 9, journey 1): the owner approves a submitted milestone; finance sends
 * its payment with a proof; the contractor, on a phone (360 px), sees it on Home with its expected
 * arrival, opens the proof, confirms receipt, and downloads the statement PDF, whose text (read
 * back with PDF.js) shows the payment. axe runs on every page shown.
 *
 * Every step goes through the app's pages: Pay contractors and its send dialog for finance, Home and
 * the payment's page for the contractor.
 */

const PASSWORD = 'Harbour-Lantern-Violet-42';
const OWNER = 'olivia.owner@northwind.example';
const FINANCE = 'fiona.finance@northwind.example';
const CONTRACTOR_ADMIN = 'bea@brightline.example';
const ORGANIZATION = 'Northwind Facilities';
const MILESTONE = 'Colour palette';
const REFERENCE = 'E2E-WISE-2026';
const PHONE = { width: 360, height: 740 };

function day(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function pdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test('the owner approves, finance sends with proof, the contractor confirms and files the statement', async ({ page, newPage, check }) => {
  await test.step('the owner approves the submitted milestone from Home', async () => {
    await page.goto('/sign-in');
    await check.expectPage(page);
    await signIn(page, OWNER);
    await check.expectPage(page, 'Home');
    await page.getByRole('link', { name: MILESTONE }).first().click();
    await check.expectPage(page, MILESTONE);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve this milestone?' });
    await dialog.getByRole('button', { name: 'Approve and create draft payment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Draft payment created' })).toBeVisible();
  });

  await test.step('finance sends its payment with a proof, from Pay contractors', async () => {
    const finance = await newPage();
    await finance.goto('/sign-in');
    await check.expectPage(finance);
    await signIn(finance, FINANCE);
    await check.expectPage(finance, 'Home');
    await finance.goto('/app/payments?status=draft');
    await check.expectPage(finance, 'Pay contractors');
    await finance.getByRole('link', { name: MILESTONE }).first().click();
    await finance.getByRole('button', { name: 'Send payment' }).click();
    const dialog = finance.getByRole('dialog', { name: /^Send .* to/ });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: /Method/ }).click();
    await finance.getByRole('option', { name: 'Wise' }).click();
    await dialog.getByRole('textbox', { name: 'Reference of the transfer' }).fill(REFERENCE);
    await dialog.getByRole('textbox', { name: 'Expected arrival' }).fill(day(2));
    await finance
      .locator('input[type="file"]')
      .setInputFiles({ name: 'wise-receipt.pdf', mimeType: 'application/pdf', buffer: pdf('Wise receipt') });
    await expect(dialog.getByRole('listitem').filter({ hasText: 'wise-receipt.pdf' })).toContainText('Uploaded');
    await check.expectAccessible(finance, 'send dialog with a proof');
    await dialog.getByRole('button', { name: 'Send payment' }).click();
    await expect(dialog).toBeHidden();
    await expect(finance.getByRole('main').getByText(REFERENCE)).toBeVisible();
  });

  const contractor = await newPage({ viewport: PHONE });
  await test.step('the contractor sees it on Home at 360 px, with the expected arrival, and opens the proof', async () => {
    await contractor.goto('/sign-in');
    await check.expectPage(contractor);
    await signIn(contractor, CONTRACTOR_ADMIN);
    await check.expectPage(contractor, 'Home');
    const onTheWay = contractor.getByRole('region', { name: /On the way/ });
    await expect(onTheWay).toContainText(MILESTONE);
    await expect(onTheWay).toContainText(`Ref. ${REFERENCE}`);
    await expect(onTheWay).toContainText('Expected');
    const proof = onTheWay.getByRole('link', { name: /View proof of payment/ }).first();
    const href = await proof.getAttribute('href');
    expect(href).toContain('/download?inline=1');
    const opened = await contractor.request.get(href!);
    expect(opened.status()).toBe(200);
    expect(opened.headers()['content-type']).toBe('application/pdf');
  });

  await test.step('the contractor confirms receipt from Home, on the payment page', async () => {
    const onTheWay = contractor.getByRole('region', { name: /On the way/ });
    await onTheWay
      .getByRole('link', { name: /Confirm receipt of/ })
      .first()
      .click();
    await contractor.getByRole('button', { name: 'Confirm receipt' }).click();
    const confirm = contractor.getByRole('alertdialog', { name: 'Did the money arrive?' });
    await check.expectAccessible(contractor, 'confirm receipt dialog');
    await confirm.getByRole('button', { name: 'Confirm receipt' }).click();
    await expect(confirm).toBeHidden();
    await expect(contractor.getByRole('main').getByText('Received').first()).toBeVisible();
    await openNav(contractor, 'Home');
    await check.expectPage(contractor, 'Home');
    await expect(contractor.getByRole('region', { name: 'Recent payments' })).toContainText(MILESTONE);
  });

  await test.step('the contractor downloads the statement PDF, which shows the payment', async () => {
    await openNav(contractor, 'Money');
    await check.expectPage(contractor, 'Money');
    await contractor.getByRole('button', { name: /Organization/ }).click();
    await contractor.getByRole('option', { name: ORGANIZATION }).click();
    await expect(contractor.getByRole('table', { name: 'Statement entries' })).toContainText(MILESTONE);
    await check.expectAccessible(contractor, 'statement on screen');
    const [download] = await Promise.all([
      contractor.waitForEvent('download'),
      contractor.getByRole('button', { name: 'Download statement PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^statement-.*\.pdf$/);
    const text = (await extractPdfText(readFileSync((await download.path())!))).join(' ');
    expect(text).toContain(`Paid: ${MILESTONE}`);
    expect(text).toContain(REFERENCE);
    expect(text).toContain(ORGANIZATION);
    expect(text).toMatch(/Page 1 of \d+/);
  });
});
