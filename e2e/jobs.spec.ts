import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/test.ts';

/**
 * Jobs for a contractor with a crew (issue 12): the company writes a template and creates a job
 * from it in the new-job form, assigned to Harbor Electrical (two more jobs are set up through the API); the contractor's admin adds a technician
 * whose working-at-heights card expires soon, accepts the three jobs, selects them on the desk
 * and bulk-assigns the technician with a date (the expiring accreditation is flagged, assigned
 * anyway); the technician gets ONE email for the batch, signs in from its link on a 360 px phone
 * and sees exactly those three jobs; another technician's job by URL says "not found".
 * axe runs on every page shown.
 */

const PASSWORD = 'Harbour-Lantern-Violet-42';
const OWNER = 'olivia.owner@northwind.example';
const CONTRACTOR_ADMIN = 'hank@harbor-electric.example';
const CONTRACTOR = 'Harbor Electrical';
const OTHER_TECHNICIAN = 'Ivan Installer';
const PHONE = { width: 360, height: 740 };

function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

/** A calendar day `days` from today (YYYY-MM-DD), as date inputs and the API take it. */
function day(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

async function signIn(page: Page, email: string): Promise<void> {
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** The API as the person signed in on `page` (their cookie), with the Origin every write needs. */
async function call(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) {
  const request: APIRequestContext = page.request;
  const origin = new URL(page.url()).origin;
  const res = await request.fetch(path, { method, data, headers: { origin, 'content-type': 'application/json' } });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

test('jobs: from the company to the contractor desk to the technician on a phone', async ({ page, newPage, mailbox, check }) => {
  // Three people, two browsers and a mailbox on a shared machine: three times the default time.
  test.slow();
  const suffix = `Z${Date.now().toString(36)}`;
  const sites = [`Harbour Tower ${suffix}`, `Dock Shed ${suffix}`, `Pier Kiosk ${suffix}`];
  const technician = { name: `Wren Walker ${suffix}`, email: `wren.${suffix.toLowerCase()}@harbor-electric.example` };
  const scheduled = day(25);

  const jobIds: string[] = [];
  let otherJobId = '';
  await test.step('the company writes a template, then creates a job from it in the new-job form, assigned to Harbor Electrical', async () => {
    await page.goto('/sign-in');
    await check.expectPage(page);
    await signIn(page, OWNER);
    await check.expectPage(page, 'Home');
    await page.getByRole('link', { name: 'Jobs', exact: true }).first().click();
    await check.expectPage(page, 'Jobs');
    await page.getByRole('link', { name: 'Templates', exact: true }).click();
    await check.expectPage(page, 'Job templates');
    await page.getByRole('link', { name: 'New template' }).first().click();
    await check.expectPage(page, 'New job template');
    await field(page, 'Name').fill(`Roof plant check ${suffix}`);
    await field(page, 'What to do').fill('Inspect the roof plant');
    await page.getByRole('button', { name: 'Add a task' }).click();
    const second = page.getByRole('group', { name: 'Task 2' });
    await second.getByRole('textbox', { name: 'What to do' }).fill('Test the isolators');
    await second.getByRole('button', { name: /Photos$/ }).click();
    await page.getByRole('option', { name: 'Photos required' }).click();
    await check.expectAccessible(page, 'template with two tasks');
    await page.getByRole('button', { name: 'Create template' }).click();
    await check.expectPage(page, `Roof plant check ${suffix}`);

    await page.goto('/app/jobs/new');
    await check.expectPage(page, 'New job');
    await page.getByRole('button', { name: /Contractor$/ }).click();
    await page.getByRole('option', { name: CONTRACTOR, exact: true }).click();
    await field(page, 'Site name').fill(sites[0]!);
    await field(page, 'Site address').fill('1 Quay Street, Harbourside');
    await field(page, 'Access details').fill('Gate code 4321; keys at reception');
    await page.getByLabel('Due date').fill(day(40));
    await field(page, 'Description').fill('Quarterly roof plant inspection');
    await page.getByRole('button', { name: /Service tasks from a template$/ }).click();
    await page.getByRole('option', { name: `Roof plant check ${suffix} (2 tasks)` }).click();
    await expect(page.getByText('The job gets these tasks')).toBeVisible();
    await page.getByRole('checkbox', { name: 'Working at heights' }).check();
    await check.expectAccessible(page, 'new job from a template');
    await page.getByRole('button', { name: 'Create and assign job' }).click();
    await check.expectPage(page, new RegExp(`^Job \\d+: ${sites[0]}$`));
    await expect(page.getByRole('heading', { name: 'Service tasks' })).toBeVisible();
    await expect(page.getByText('Test the isolators')).toBeVisible();
    jobIds.push(page.url().split('/').pop()!);
  });

  await test.step('two more jobs for Harbor Electrical, and one that another technician will get (set up through the API)', async () => {
    const engagements = await call(page, 'GET', '/api/engagements?limit=200');
    const harbor = engagements.items.find((e: { contractor: { name: string } }) => e.contractor.name === CONTRACTOR);
    expect(harbor, 'the demo engages Harbor Electrical').toBeDefined();
    for (const siteName of [...sites.slice(1), `Other Site ${suffix}`]) {
      const job = await call(page, 'POST', '/api/jobs', {
        engagementId: harbor.id,
        siteName,
        siteAddress: '1 Quay Street, Harbourside',
        dueOn: day(40),
        requiredAccreditations: ['working_at_heights'],
      });
      expect(job.status).toBe('assigned');
      if (siteName.startsWith('Other Site')) otherJobId = job.id;
      else jobIds.push(job.id);
    }
  });

  const office = await newPage();
  await test.step("the contractor's admin adds a technician whose working-at-heights card expires soon", async () => {
    await office.goto('/sign-in');
    await check.expectPage(office);
    await signIn(office, CONTRACTOR_ADMIN);
    await check.expectPage(office, 'Home');
    await office.goto('/portal/team');
    await check.expectPage(office, 'Team');
    await office.getByRole('button', { name: 'Add technician' }).click();
    const dialog = office.getByRole('dialog', { name: 'Add a technician' });
    await field(office, 'Name').fill(technician.name);
    await field(office, 'Email').fill(technician.email);
    await field(office, 'Mobile (optional)').fill('+44 7700 900999');
    await check.expectAccessible(office, 'add technician dialog');
    await dialog.getByRole('button', { name: 'Add technician' }).click();
    await expect(dialog).toBeHidden();
    await office.getByRole('link', { name: technician.name }).click();
    await check.expectPage(office, technician.name);
    await office.getByRole('button', { name: 'Add accreditation' }).click();
    const add = office.getByRole('dialog', { name: 'Add an accreditation' });
    await add.getByRole('button', { name: /Type/ }).click();
    await office.getByRole('option', { name: 'Working at heights' }).click();
    await field(office, 'Licence or card number (optional)').fill('WAH-2024');
    await office.getByLabel('Expires on (optional)').fill(day(20));
    await check.expectAccessible(office, 'add accreditation dialog');
    await add.getByRole('button', { name: 'Add accreditation' }).click();
    await expect(add).toBeHidden();
    await expect(office.getByRole('list', { name: 'Accreditations' })).toContainText('Working at heights');
    await check.expectAccessible(office, 'technician with an accreditation');
  });

  await test.step('the contractor accepts the three jobs on the desk, then assigns the technician with a date (flagged)', async () => {
    await office.goto(`/portal/jobs?q=${encodeURIComponent(suffix)}`);
    await check.expectPage(office, 'Jobs');
    const table = office.getByRole('table', { name: 'Jobs' });
    for (const site of sites) await expect(table.getByText(site)).toBeVisible();
    const pick = async () => {
      for (const site of sites) await office.getByRole('checkbox', { name: new RegExp(`^Select job #\\d+ ${site}$`) }).check();
    };
    await pick();
    await office.getByRole('button', { name: 'Accept', exact: true }).click();
    const accept = office.getByRole('dialog');
    await check.expectAccessible(office, 'bulk accept dialog');
    await accept.getByRole('button', { name: 'Accept 3 jobs' }).click();
    await expect(accept).toBeHidden();
    await expect(office.getByText(/3 (jobs )?(were )?(changed|accepted)/i).first()).toBeVisible();

    await pick();
    await office.getByRole('button', { name: 'Assign technicians / date' }).click();
    const staff = office.getByRole('dialog');
    await staff.getByLabel('Scheduled date (optional)').fill(scheduled);
    const person = staff.getByRole('checkbox', { name: technician.name });
    await person.check();
    // The card expires before the scheduled date: flagged beside the name.
    await expect(person.locator('xpath=..')).toContainText(/Expires before the scheduled date: Working at heights/);
    await check.expectAccessible(office, 'bulk assign dialog with a flag');
    const apply = staff.getByRole('button', { name: 'Apply to 3 jobs' });
    await expect(apply).toBeDisabled();
    await staff.getByRole('checkbox', { name: /Assign anyway/ }).check();
    await apply.click();
    await expect(staff).toBeHidden();
  });

  await test.step("another technician gets another job (the contractor's own API)", async () => {
    const ivan = (await call(office, 'POST', '/api/technicians/flags', { jobIds: [otherJobId], q: OTHER_TECHNICIAN })).technicians[0];
    await call(office, 'POST', `/api/jobs/${otherJobId}/accept`, { targetOn: scheduled });
    const staffed = await call(office, 'PUT', `/api/jobs/${otherJobId}/technicians`, {
      technicianIds: [ivan.id],
      scheduledOn: scheduled,
      confirmFlags: true,
    });
    expect(staffed.status).toBe('scheduled');
  });

  const phone = await newPage({ viewport: PHONE });
  await test.step('the technician gets one email for the batch and signs in from its link on a phone', async () => {
    const link = await mailbox.waitForLink({ to: technician.email, pathname: '/tech/jobs' });
    const assigned = (await mailbox.messages(technician.email)).filter((m) => /assigned to you/i.test(m.subject));
    expect(assigned, 'one email for the three jobs').toHaveLength(1);
    const mark = await mailbox.mark();
    await phone.goto(link);
    await check.expectPage(phone);
    await field(phone, 'Email').fill(technician.email);
    await phone.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(phone.getByText('Check your email')).toBeVisible();
    const signInLink = await mailbox.waitForLink({ to: technician.email, pathname: '/magic-link', after: mark });
    await phone.goto(signInLink);
    await check.expectPage(phone);
    await phone.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(phone).not.toHaveURL(/\/magic-link/);
  });

  await test.step('the technician sees exactly those three jobs, and one job with its access details', async () => {
    await phone.goto('/tech/jobs');
    await check.expectPage(phone, 'My jobs');
    const upcoming = phone.getByRole('list', { name: 'Upcoming' });
    await expect(upcoming.getByRole('listitem')).toHaveCount(3);
    for (const site of sites) await expect(upcoming.getByRole('link', { name: site })).toBeVisible();
    await expect(phone.getByText(`Other Site ${suffix}`)).toHaveCount(0);
    await upcoming.getByRole('link', { name: sites[0]! }).click();
    await check.expectPage(phone, sites[0]!);
    await expect(phone.getByText('Gate code 4321; keys at reception')).toBeVisible();
    await expect(phone.getByRole('list', { name: 'Service tasks' })).toContainText('Inspect the roof plant');
  });

  await test.step("another technician's job, by its URL, is not found", async () => {
    await phone.goto(`/tech/jobs/${otherJobId}`);
    await check.expectPage(phone, 'Job not found');
    await expect(phone.getByText('not assigned to you')).toBeVisible();
    expect(jobIds).toHaveLength(3);
  });
});
