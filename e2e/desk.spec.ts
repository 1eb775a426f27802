import { expect, test } from './support/test.ts';

/**
 * The contractor's desk (Harbor Electrical's 2,000 demo jobs): sort from a header and filter,
 * both kept in the URL (a reload shows the same view); a column hidden stays hidden; every
 * accepted job at once ("select all N that match") gets a technician and a date through the
 * bulk dialog (flags beside the technicians, a confirmation when one is flagged); at 360 px the
 * rows are cards and nothing scrolls sideways. axe on every state.
 */

const HANK = { email: 'hank@harbor-electric.example', password: 'Harbour-Lantern-Violet-42' };

test('desk: sort, filter and columns kept; bulk-assign every accepted job; 360 px', async ({ page, check }) => {
  test.slow();
  await test.step('Hank signs in and opens Jobs', async () => {
    await page.goto('/sign-in');
    await check.expectPage(page);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(HANK.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(HANK.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await check.expectPage(page, 'Home');
    await page.getByRole('link', { name: 'Jobs', exact: true }).first().click();
    await check.expectPage(page, 'Jobs');
    await expect(page.getByRole('table', { name: 'Jobs' })).toBeVisible();
    await expect(page.getByText(/2,0\d\d jobs; 50 shown/)).toBeVisible();
  });

  await test.step('sort by due date, descending, and only accepted jobs: in the URL, kept on reload', async () => {
    await page.getByRole('columnheader', { name: /Due/ }).getByRole('button').click();
    await expect(page).toHaveURL(/sort=due/);
    await expect(page).toHaveURL(/dir=desc/);
    await page.getByRole('checkbox', { name: 'Accepted', exact: true }).check();
    await expect(page).toHaveURL(/accepted/);
    await expect(page.getByText(/\d+ jobs; \d+ shown/)).toBeVisible();
    await page.reload();
    await check.expectPage(page, 'Jobs');
    await expect(page.getByRole('checkbox', { name: 'Accepted', exact: true })).toBeChecked();
    await expect(page.getByRole('columnheader', { name: /Due/ })).toHaveAttribute('aria-sort', 'descending');
  });

  await test.step('a column hidden stays hidden', async () => {
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Technicians', exact: true }).uncheck();
    await expect(page.getByRole('columnheader', { name: 'Technicians' })).toHaveCount(0);
    await page.reload();
    await check.expectPage(page, 'Jobs');
    await expect(page.getByRole('columnheader', { name: 'Technicians' })).toHaveCount(0);
  });

  await test.step('every accepted job gets Tess and a date in one request', async () => {
    await page.getByRole('checkbox', { name: 'Select every job on the page' }).check();
    const all = page.getByRole('button', { name: /Select all [\d,]+ that match/ });
    const label = (await all.textContent()) ?? '';
    const n = Number(label.replace(/\D/g, ''));
    await all.click();
    await page.getByRole('button', { name: 'Assign technicians / date' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign technicians and a date' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Scheduled date (optional)').fill('2027-03-15');
    await dialog.getByRole('checkbox', { name: 'Tess Tech' }).check();
    const confirm = dialog.getByRole('checkbox', { name: /Assign anyway/ });
    if (await confirm.isVisible()) await confirm.check();
    await check.expectAccessible(page, 'the bulk dialog');
    await dialog.getByRole('button', { name: /Apply to/ }).click();
    await expect(page.getByText(new RegExp(`${n.toLocaleString('en-US')} jobs updated`))).toBeVisible();
    await check.expectAccessible(page, 'the bulk report');
  });

  await test.step('at 360 px the rows are cards', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/portal/jobs');
    await check.expectPage(page, 'Jobs');
    await expect(page.getByRole('link', { name: /Invoice job #/ }).first()).toBeVisible();
  });
});
