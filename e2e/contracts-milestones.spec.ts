import type { Page } from '@playwright/test';
import { openNav } from './support/nav.ts';
import { expect, test } from './support/test.ts';

/**
 * A contract from draft to the first approved milestone, on both sides:
 * the company's owner creates a contract with Brightline Studio, activates it and adds two
 * milestones; the contractor's admin (another browser, a phone) uploads a deliverable and marks
 * it ready for review; the owner asks for changes; the contractor sees why and resubmits; the
 * owner approves, and the milestone shows its draft payment. axe runs on every page shown.
 */

const PASSWORD = 'Harbour-Lantern-Violet-42';
const OWNER = 'olivia.owner@northwind.example';
const CONTRACTOR_ADMIN = 'bea@brightline.example';
const CONTRACTOR = 'Brightline Studio';
const ORGANIZATION = 'Northwind Facilities';
const PHONE = { width: 360, height: 740 };

function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

/** A calendar day `days` from today, as a date input takes it (YYYY-MM-DD). */
function day(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A tiny but real PDF (the server detects the type from the bytes). */
function pdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

/** On the sign-in page: signs in with the demo password. */
async function signIn(page: Page, email: string): Promise<void> {
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test('a contract and its milestones, from draft to a draft payment, on both sides', async ({ page, newPage, check }) => {
  // A long journey on a shared machine: three times the default time.
  test.slow();
  const suffix = Date.now().toString(36);
  const contractTitle = `Website redesign ${suffix}`;
  const first = `Wireframes ${suffix}`;
  const second = `Visual design ${suffix}`;
  const reason = 'Please add the mobile layouts for the checkout.';

  await test.step('the owner signs in, lands on Home and opens Contracts', async () => {
    await page.goto('/sign-in');
    await check.expectPage(page);
    await signIn(page, OWNER);
    await check.expectPage(page, 'Home');
    for (const section of ['Ready for review', 'Overdue', 'Terms not acknowledged yet', 'Invitations waiting'])
      await expect(page.getByRole('heading', { name: new RegExp(`^${section}`) })).toBeVisible();
    await openNav(page, 'Contracts');
    await check.expectPage(page, 'Contracts');
  });

  await test.step('the owner creates a draft contract with Brightline Studio', async () => {
    await page.getByRole('link', { name: 'New contract' }).first().click();
    await check.expectPage(page, 'New contract');
    await page.getByRole('button', { name: /Contractor/ }).click();
    await page.getByRole('option', { name: CONTRACTOR }).click();
    await field(page, 'Title').fill(contractTitle);
    await field(page, 'Scope').fill('A new website for the booking flow.\n\n- Wireframes\n- Visual design');
    await field(page, 'Amount').fill('4,000.00');
    await field(page, 'Start date').fill(day(0));
    await field(page, 'End date').fill(day(120));
    await field(page, 'Notice period (days)').fill('14');
    await field(page, 'Intellectual property clause').fill('Rights pass to Northwind Facilities on payment.');
    await check.expectAccessible(page, 'contract form filled in');
    await page.getByRole('button', { name: 'Create draft contract' }).click();
    await check.expectPage(page, contractTitle);
    await expect(page.getByRole('main').getByText('Draft', { exact: true })).toBeVisible();
    await expect(page.getByText('€4,000.00, fixed price')).toBeVisible();
  });

  await test.step('the owner activates it', async () => {
    await page.getByRole('button', { name: 'Activate', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Activate this contract?' });
    await expect(dialog).toBeVisible();
    await check.expectAccessible(page, 'activate dialog');
    await dialog.getByRole('button', { name: 'Activate' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('main').getByText('Active', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Activation 1' })).toBeVisible();
  });

  await test.step('the owner adds two milestones', async () => {
    for (const [title, due, amount] of [
      [first, 14, '1,500.00'],
      [second, 30, '2,500.00'],
    ] as const) {
      await page.getByRole('button', { name: 'Add milestone' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a milestone' });
      await expect(dialog).toBeVisible();
      await field(page, 'Title').fill(title);
      await field(page, 'Due date').fill(day(due));
      await field(page, 'Amount').fill(amount);
      if (title === first) await check.expectAccessible(page, 'add milestone dialog');
      await dialog.getByRole('button', { name: 'Add milestone' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('table', { name: 'Milestones of this contract' }).getByRole('link', { name: title })).toBeVisible();
    }
    await expect(page.getByText('€4,000.00', { exact: true }).first()).toBeVisible();
    await check.expectAccessible(page, 'contract with two milestones');
  });

  await test.step('the owner edits a milestone from its page (the form loads when Edit is pressed)', async () => {
    await page.getByRole('table', { name: 'Milestones of this contract' }).getByRole('link', { name: second }).click();
    await check.expectPage(page, second);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the milestone' });
    await expect(dialog).toBeVisible();
    await expect(field(page, 'Title')).toHaveValue(second);
    await field(page, 'Description').fill('Screens for the onboarding flow, in Figma.');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Screens for the onboarding flow, in Figma.')).toBeVisible();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(field(page, 'Description')).toHaveValue('Screens for the onboarding flow, in Figma.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await page.goBack();
    await check.expectPage(page, contractTitle);
  });

  await test.step('the owner deletes a milestone added by mistake (the confirmation loads when Delete is pressed)', async () => {
    const spare = `Added by mistake ${suffix}`;
    const contractUrl = page.url();
    const milestones = page.getByRole('table', { name: 'Milestones of this contract' });
    await page.getByRole('button', { name: 'Add milestone' }).click();
    const add = page.getByRole('dialog', { name: 'Add a milestone' });
    await expect(add).toBeVisible();
    await field(page, 'Title').fill(spare);
    await field(page, 'Due date').fill(day(60));
    await field(page, 'Amount').fill('100.00');
    await add.getByRole('button', { name: 'Add milestone' }).click();
    await expect(add).toBeHidden();
    await milestones.getByRole('link', { name: spare }).click();
    await check.expectPage(page, spare);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this milestone?' });
    await expect(confirm).toBeVisible();
    await check.expectAccessible(page, 'delete milestone dialog');
    await confirm.getByRole('button', { name: 'Delete milestone' }).click();
    await expect(confirm).toBeHidden();
    await check.expectPage(page, 'Milestones');
    await expect(page.getByText('Milestone deleted')).toBeVisible();
    await page.goto(contractUrl);
    await check.expectPage(page, contractTitle);
    await expect(milestones.getByRole('link', { name: second })).toBeVisible();
    await expect(milestones.getByRole('link', { name: spare })).toHaveCount(0);
  });

  // The contractor is someone else, on a phone: a new browser context.
  const contractor = await newPage({ viewport: PHONE });

  await test.step('the contractor sees the milestone in "What\'s left to deliver"', async () => {
    await contractor.goto('/sign-in');
    await check.expectPage(contractor);
    await signIn(contractor, CONTRACTOR_ADMIN);
    await check.expectPage(contractor, 'Home');
    // The new contract's first revision is the contract itself: "activated", not "changed".
    const terms = contractor.getByRole('region', { name: /^Terms to acknowledge/ });
    await expect(terms.getByRole('listitem').filter({ hasText: contractTitle })).toContainText('Contract activated: acknowledge the terms');
    await expect(contractor.getByRole('region', { name: /^Left to deliver/ }).getByRole('link', { name: first })).toBeVisible();
    await expect(contractor.getByText('The terms changed')).toHaveCount(0);
    // Notifications show dates the way pages do, in the reader's locale (en-GB here), never ISO.
    await contractor.goto('/portal/notifications');
    await check.expectPage(contractor, 'Notifications');
    const added = contractor.getByRole('listitem').filter({ hasText: `New milestone: ${first}` });
    await expect(added).toContainText(
      `Due ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day(14)}T00:00:00Z`))}`,
    );
    await expect(added).not.toContainText(day(14));
    await openNav(contractor, 'To deliver');
    await check.expectPage(contractor, "What's left to deliver");
    const row = contractor.getByRole('listitem').filter({ hasText: first });
    await expect(row).toContainText(ORGANIZATION);
    await expect(row).toContainText(contractTitle);
    await expect(row).toContainText('€1,500.00');
    await row.getByRole('link', { name: first }).click();
    await check.expectPage(contractor, first);
  });

  await test.step('the contractor uploads two deliverables and marks them ready for review', async () => {
    // Nothing yet: the form says what it needs, and stops saying it once files are there.
    await contractor.getByRole('button', { name: 'Ready for review' }).click();
    const nothing = contractor.getByText('Add at least one file, link or note to submit.');
    await expect(nothing).toBeVisible();
    await contractor.locator('input[type="file"]').setInputFiles([
      { name: 'wireframes.pdf', mimeType: 'application/pdf', buffer: pdf('version 1') },
      { name: 'sitemap.pdf', mimeType: 'application/pdf', buffer: pdf('sitemap') },
    ]);
    const uploads = contractor.getByRole('list', { name: 'Files for this submission' });
    // each file shows its progress, then "Uploaded"
    await expect(uploads.getByRole('listitem').filter({ hasText: 'wireframes.pdf' })).toContainText('Uploaded');
    await expect(uploads.getByRole('listitem').filter({ hasText: 'sitemap.pdf' })).toContainText('Uploaded');
    await expect(nothing).toBeHidden();
    await field(contractor, 'Note').fill('First wireframes for the booking flow.');
    await check.expectAccessible(contractor, 'submission ready to send');
    await contractor.getByRole('button', { name: 'Ready for review' }).click();
    await expect(contractor.getByText('Submitted: waiting for review')).toBeVisible();
    await expect(contractor.getByRole('heading', { name: /Version 1/ })).toBeVisible();
    await expect(contractor.getByRole('link', { name: /wireframes\.pdf/ })).toBeVisible();
    await check.expectAccessible(contractor, 'after submitting');
  });

  await test.step('the owner reviews it and requests changes with a reason', async () => {
    await openNav(page, 'Milestones');
    await check.expectPage(page, 'Milestones');
    const table = page.getByRole('table', { name: 'Pending milestones' });
    await expect(table.getByRole('row').filter({ hasText: first })).toContainText('Ready for review');
    await table.getByRole('link', { name: first }).click();
    await check.expectPage(page, first);
    await expect(page.getByRole('link', { name: /wireframes\.pdf/ })).toBeVisible();
    await page.getByRole('button', { name: 'Request changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request changes' });
    await dialog.getByRole('button', { name: 'Send request' }).click();
    // the reason is required
    await expect(dialog.getByText('Say what needs to change.')).toBeVisible();
    await check.expectAccessible(page, 'request changes dialog with an error');
    await field(page, 'What needs to change').fill(reason);
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('You asked for changes')).toBeVisible();
    await check.expectAccessible(page, 'changes requested');
  });

  await test.step('the contractor sees the reason and resubmits', async () => {
    await contractor.reload();
    await check.expectPage(contractor, first);
    await expect(contractor.getByText(`${ORGANIZATION} asked for changes`)).toBeVisible();
    await expect(contractor.getByText(reason).first()).toBeVisible();
    await contractor
      .locator('input[type="file"]')
      .setInputFiles({ name: 'wireframes-v2.pdf', mimeType: 'application/pdf', buffer: pdf('version 2') });
    await expect(
      contractor.getByRole('list', { name: 'Files for this submission' }).getByRole('listitem').filter({ hasText: 'wireframes-v2.pdf' }),
    ).toContainText('Uploaded');
    // typed without https://: completed, not refused
    await field(contractor, 'Link 1').fill('example.com/wireframes-mobile');
    await field(contractor, 'Note').fill('Added the mobile layouts for the checkout.');
    await contractor.getByRole('button', { name: 'Ready for review' }).click();
    await expect(contractor.getByRole('heading', { name: /Version 2/ })).toBeVisible();
    await expect(contractor.getByText('Submitted: waiting for review')).toBeVisible();
    await check.expectAccessible(contractor, 'after resubmitting');
  });

  await test.step('the owner approves, and the draft payment appears', async () => {
    await page.reload();
    await check.expectPage(page, first);
    await expect(page.getByRole('heading', { name: /Version 2/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'https://example.com/wireframes-mobile' })).toBeVisible();
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve this milestone?' });
    await field(page, 'Note for the contractor').fill('Looks great, thank you.');
    await check.expectAccessible(page, 'approve dialog');
    await dialog.getByRole('button', { name: 'Approve and create draft payment' }).click();
    await expect(dialog).toBeHidden();
    const payment = page.getByRole('status').filter({ hasText: 'Draft payment created' });
    await expect(payment).toBeVisible();
    await expect(payment).toContainText('€1,500.00');
    await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
    await check.expectAccessible(page, 'approved with a draft payment');
  });

  await test.step('the contractor sees the approval and acknowledges the contract', async () => {
    await contractor.reload();
    await check.expectPage(contractor, first);
    await expect(contractor.getByText('Approved: payment being prepared')).toBeVisible();
    // Approved work is not "left to deliver": the way back leads to its contract.
    await expect(contractor.getByRole('link', { name: "What's left to deliver" })).toHaveCount(0);
    await contractor.getByRole('link', { name: contractTitle }).first().click();
    await check.expectPage(contractor, contractTitle);
    await expect(contractor.getByText('Contract activated: acknowledge the terms')).toBeVisible();
    await contractor.getByRole('button', { name: /^Acknowledge/ }).click();
    await expect(contractor.getByText('Acknowledged', { exact: true })).toBeVisible();
    await expect(contractor.getByRole('button', { name: /^Acknowledge/ })).toHaveCount(0);
    await check.expectAccessible(contractor, 'contract acknowledged');
  });

  await test.step("the owner sees the contractor's milestones on its profile, pending and approved", async () => {
    await openNav(page, 'Contractors');
    await check.expectPage(page, 'Contractors');
    await page.getByRole('link', { name: CONTRACTOR }).first().click();
    await check.expectPage(page, CONTRACTOR);
    await expect(page.getByRole('table', { name: 'Pending milestones' }).getByRole('link', { name: second })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Approved milestones' }).getByRole('link', { name: first })).toBeVisible();
    await check.expectAccessible(page, "contractor's profile with milestones");
  });
});
