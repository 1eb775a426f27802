import type { Page } from '@playwright/test';
import { openNav } from './support/nav.ts';
import { expect, type PageCheck, test } from './support/test.ts';

/**
 * Invoices on both sides: the contractor's admin (on a phone) fills in the business details and
 * submits an invoice that Portico generates; finance rejects it with a reason; the contractor
 * sees why, corrects it (linked to the first) and resubmits; finance approves it. axe runs on
 * every page shown.
 */

const PASSWORD = 'Harbour-Lantern-Violet-42';
const FINANCE = 'fiona.finance@northwind.example';
const CONTRACTOR_ADMIN = 'bea@brightline.example';
const PHONE = { width: 360, height: 740 };
/** A 1×1 PNG: the proof of payment. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

async function signIn(page: Page, email: string, check: PageCheck): Promise<void> {
  await page.goto('/sign-in');
  await check.expectPage(page);
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test('an invoice: generated, rejected with a reason, corrected, approved and paid', async ({ page, newPage, check }) => {
  test.slow();
  const number = `INV-${Date.now().toString(36)}`;
  const reason = 'Please put our purchase order number in the note.';
  const contractor = await newPage({ viewport: PHONE });

  await test.step('the contractor fills in the business details', async () => {
    await signIn(contractor, CONTRACTOR_ADMIN, check);
    await check.expectPage(contractor, 'Home');
    await openNav(contractor, 'Business details');
    await check.expectPage(contractor, 'Business details');
    await field(contractor, 'Legal name').fill('Brightline Studio Ltd');
    await field(contractor, 'Address').fill('12 Quay Street\nBristol BS1 4DJ');
    await field(contractor, 'Tax id (VAT number)').fill('GB 123 4567 89');
    await contractor.getByRole('button', { name: 'Save business details' }).click();
    await expect(contractor.getByText(/Last saved/)).toBeVisible();
  });

  await test.step('the contractor submits an invoice that Portico generates', async () => {
    await openNav(contractor, 'Invoices');
    await check.expectPage(contractor, 'Invoices');
    await contractor.getByRole('link', { name: 'New invoice' }).first().click();
    await check.expectPage(contractor, 'New invoice');
    const organization = contractor.getByRole('button', { name: /Organization/ });
    if (!(await organization.textContent())?.includes('Northwind')) {
      await organization.click();
      await contractor.getByRole('option', { name: 'Northwind Facilities' }).click();
    }
    await field(contractor, 'Invoice number').fill(number);
    await contractor.getByRole('button', { name: 'Add a line' }).click();
    await field(contractor, 'Line 1: description').fill('Extra design hours');
    await field(contractor, 'Quantity').fill('2.5');
    await field(contractor, 'Unit amount (EUR)').fill('80.00');
    await field(contractor, 'Tax rate (%)').fill('20');
    await expect(contractor.getByLabel('Line 1 amount')).toHaveText('€200.00');
    await expect(contractor.getByText('€240.00')).toBeVisible();
    await contractor.getByText('Let Portico generate the PDF').click();
    await check.expectAccessible(contractor, 'invoice form filled in');
    await contractor.getByRole('button', { name: 'Submit invoice' }).click();
    await check.expectPage(contractor, `Invoice ${number}`);
    await expect(contractor.getByRole('main').getByText('Submitted', { exact: true })).toBeVisible();
  });

  await test.step('finance rejects it with a reason', async () => {
    await signIn(page, FINANCE, check);
    await check.expectPage(page, 'Home');
    await openNav(page, 'Invoices');
    await check.expectPage(page, 'Invoices');
    await page.getByRole('link', { name: `Invoice ${number}` }).click();
    await check.expectPage(page, `Invoice ${number}`);
    await page.getByRole('button', { name: 'Reject', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Reject invoice ${number}` });
    await field(page, 'Reason').fill(reason);
    await check.expectAccessible(page, 'reject dialog');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main').getByText('Rejected', { exact: true }).first()).toBeVisible();
  });

  await test.step('the contractor sees why and submits a corrected invoice', async () => {
    await contractor.reload();
    await check.expectPage(contractor, `Invoice ${number}`);
    await expect(contractor.getByText(reason)).toBeVisible();
    await contractor.getByRole('link', { name: 'Submit a corrected invoice' }).click();
    await check.expectPage(contractor, `Correct invoice ${number}`);
    await expect(field(contractor, 'Line 1: description')).toHaveValue('Extra design hours');
    await field(contractor, 'Note (optional)').fill('PO 4711');
    await contractor.getByText('Let Portico generate the PDF').click();
    await contractor.getByRole('button', { name: 'Submit the corrected invoice' }).click();
    await check.expectPage(contractor, `Invoice ${number}`);
    await expect(contractor.getByText('Corrects')).toBeVisible();
    await expect(contractor.getByRole('link', { name: `invoice ${number}` })).toBeVisible();
  });

  await test.step('finance approves the correction', async () => {
    await page.goto('/app/invoices?status=submitted');
    await check.expectPage(page, 'Invoices');
    await page.getByRole('link', { name: `Invoice ${number}` }).click();
    await check.expectPage(page, `Invoice ${number}`);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: `Approve invoice ${number}?` });
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main').getByText('Approved', { exact: true }).first()).toBeVisible();
  });

  await test.step('finance pays it from the invoice: its draft payment, sent with a proof', async () => {
    await page.getByRole('link', { name: /draft \(invoice\)/ }).click();
    await page.getByRole('button', { name: 'Send payment' }).click();
    const dialog = page.getByRole('dialog', { name: /^Send .* to/ });
    await expect(dialog).toBeVisible();
    await field(page, 'Reference of the transfer').fill(`PAY-${number}`);
    await page.locator('input[type="file"]').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: png });
    await expect(dialog.getByRole('listitem').filter({ hasText: 'receipt.png' })).toContainText('Uploaded');
    await check.expectAccessible(page, 'send dialog for the invoice');
    await dialog.getByRole('button', { name: 'Send payment' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main').getByText(`PAY-${number}`)).toBeVisible();
    await page.goto('/app/invoices?status=paid');
    await check.expectPage(page, 'Invoices');
    await expect(page.getByRole('link', { name: `Invoice ${number}` })).toBeVisible();
  });
});
