import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';

/**
 * The company's job templates and CSV import through the web app (issue 12): the owner writes a
 * template, edits it and deletes another; then uploads a CSV, reads the preview (each refused row
 * with its row number, column and reason, and how many would import), imports the rest, and
 * finds the imported job in the list. axe runs on every page shown.
 */

const PASSWORD = 'Harbour-Lantern-Violet-42';
const OWNER = 'olivia.owner@northwind.example';
const CONTRACTOR = 'Harbor Electrical';

function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

test('job templates and a CSV import with its preview, through the web app', async ({ page, check }) => {
  test.slow();
  const suffix = `T${Date.now().toString(36)}`;

  await test.step('the owner signs in and opens the job templates', async () => {
    await page.goto('/sign-in');
    await check.expectPage(page);
    await field(page, 'Email').fill(OWNER);
    await field(page, 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    await page.goto('/app/jobs/templates');
    await check.expectPage(page, 'Job templates');
  });

  await test.step('writes a template with what each task records, then edits it', async () => {
    await page.getByRole('link', { name: 'New template' }).first().click();
    await check.expectPage(page, 'New job template');
    await field(page, 'Name').fill(`Lift service ${suffix}`);
    await field(page, 'What to do').fill('Inspect the cables');
    await page.getByRole('checkbox', { name: 'Defects can be recorded' }).uncheck();
    await page.getByRole('button', { name: 'Create template' }).click();
    await check.expectPage(page, `Lift service ${suffix}`);

    await field(page, 'Name').fill(`Lift service (annual) ${suffix}`);
    await page.getByRole('button', { name: 'Add a task' }).click();
    await page.getByRole('group', { name: 'Task 2' }).getByRole('textbox', { name: 'What to do' }).fill('Test the alarm');
    await page.getByRole('button', { name: 'Move task 2 up' }).click();
    await expect(page.getByRole('group', { name: 'Task 1' }).getByRole('textbox', { name: 'What to do' })).toHaveValue('Test the alarm');
    await check.expectAccessible(page, 'template being edited');
    await page.getByRole('button', { name: 'Save template' }).click();
    await check.expectPage(page, `Lift service (annual) ${suffix}`);
    await expect(page.getByText('2 tasks')).toBeVisible();

    await page.getByRole('link', { name: 'All templates' }).click();
    await check.expectPage(page, 'Job templates');
    await expect(page.getByRole('link', { name: `Lift service (annual) ${suffix}` })).toBeVisible();
  });

  await test.step('deletes a template it no longer needs', async () => {
    await page.getByRole('link', { name: 'New template' }).first().click();
    await field(page, 'Name').fill(`Old checklist ${suffix}`);
    await field(page, 'What to do').fill('Nothing much');
    await page.getByRole('button', { name: 'Create template' }).click();
    await check.expectPage(page, `Old checklist ${suffix}`);
    await page.getByRole('button', { name: 'Delete template' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this template' });
    await check.expectAccessible(page, 'delete template confirmation');
    await confirm.getByRole('button', { name: 'Delete template' }).click();
    await check.expectPage(page, 'Job templates');
    await expect(page.getByRole('link', { name: `Old checklist ${suffix}` })).toHaveCount(0);
  });

  await test.step('uploads a CSV: the preview lists each refused row by row, column and reason, and the count to import', async () => {
    await page.goto('/app/jobs');
    await check.expectPage(page, 'Jobs');
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await check.expectPage(page, 'Import jobs from CSV');
    await expect(page.getByRole('link', { name: 'Download an example CSV' })).toHaveAttribute('download', 'portico-jobs-example.csv');
    const csv = [
      'site_name,site_address,due_on,contractor,required_accreditations,template',
      `Good Site ${suffix},1 Quay St,2027-03-01,${CONTRACTOR},working_at_heights,Lift service (annual) ${suffix}`,
      `Bad Date ${suffix},2 Quay St,2027-02-30,${CONTRACTOR},,`,
      `Bad Card ${suffix},3 Quay St,2027-03-02,${CONTRACTOR},juggling,`,
    ].join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: 'jobs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible();
    await expect(page.getByText('3 rows, 1 can be imported, 2 refused')).toBeVisible();
    const refused = page.getByRole('table', { name: 'Refused rows' });
    await expect(refused.getByRole('row')).toHaveCount(3);
    await expect(refused.getByRole('row').nth(1)).toContainText('3');
    await expect(refused.getByRole('row').nth(1)).toContainText('due_on');
    await expect(refused.getByRole('row').nth(1)).toContainText('is not a date');
    await expect(refused.getByRole('row').nth(2)).toContainText('required_accreditations');
    await expect(refused.getByRole('row').nth(2)).toContainText('Unknown accreditation type: juggling');
    await check.expectAccessible(page, 'import preview');
  });

  await test.step('imports the one good row in one go and finds it in the jobs list', async () => {
    await page.getByRole('button', { name: 'Import 1 job' }).click();
    await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
    await expect(page.getByText('2 refused rows were left out')).toBeVisible();
    await check.expectAccessible(page, 'import done');
    await page.getByRole('link', { name: 'See the jobs' }).click();
    await check.expectPage(page, 'Jobs');
    await page.getByRole('searchbox', { name: /Search/ }).fill(suffix);
    await page.getByRole('searchbox', { name: /Search/ }).press('Enter');
    await expect(page.getByRole('link', { name: new RegExp(`Good Site ${suffix}`) })).toBeVisible();
    await expect(page.getByText(`Bad Date ${suffix}`)).toHaveCount(0);
  });
});
