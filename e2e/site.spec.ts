import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { extractPdfText } from '../src/server/test/pdf.text.ts';
import { expect, test } from './support/test.ts';

/**
 * The technician on site (issue 10), on a 360 px phone: signs in from the email link, goes on
 * site, answers the service tasks with a photo from the camera's file chooser, loses the
 * connection, answers one more task and signs, gets the connection back, and the queued changes
 * arrive once. The contractor's office completes the job from its job page (which shows the same
 * tasks and signatures); the company downloads the job report, whose text shows the answers.
 * axe runs on every page shown.
 */

const PASSWORD = 'Harbour-Lantern-Violet-42';
const OWNER = 'olivia.owner@northwind.example';
const CONTRACTOR_ADMIN = 'hank@harbor-electric.example';
const PHONE = { width: 360, height: 740 };
const PHOTO = path.join(import.meta.dirname, 'fixtures', 'boiler-2400x1800.jpg');
const TASKS = ['Check the boiler pressure', 'Test the isolators', 'Record the meter reading'] as const;

function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

function today(): string {
  const date = new Date();
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

async function signIn(page: Page, email: string): Promise<void> {
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

async function call(page: Page, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown) {
  const request: APIRequestContext = page.request;
  const origin = new URL(page.url()).origin;
  const res = await request.fetch(url, { method, data, headers: { origin, 'content-type': 'application/json' } });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

interface Sheet {
  job: { status: string };
  tasks: { title: string; result: string | null; remarks: string | null; photoList: unknown[]; defects: { description: string }[] }[];
  visits: unknown[];
  signoff: { technicianName: string } | null;
}

/** Draws a signature on the pad: three strokes with the mouse, as a finger would. */
async function sign(page: Page, name: RegExp): Promise<void> {
  const pad = page.getByRole('img', { name });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  for (const [from, to] of [
    [0.1, 0.7],
    [0.4, 0.3],
    [0.7, 0.6],
  ] as const) {
    await page.mouse.move(box.x + box.width * from, box.y + box.height * to);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width * (from + i * 0.03), box.y + box.height * (to - i * 0.04));
    await page.mouse.up();
  }
  await expect(pad).toHaveAccessibleName(/signed$/);
}

test('site work: on site, tasks with a photo, offline answers and signature, the report', async ({ page, newPage, mailbox, check }) => {
  test.slow();
  const suffix = `S${Date.now().toString(36)}`;
  const siteName = `Boiler House ${suffix}`;
  const technician = { name: `Sam Spanner ${suffix}`, email: `sam.${suffix.toLowerCase()}@harbor-electric.example` };
  let jobId = '';

  await test.step('the company creates a job with three service tasks for Harbor Electrical', async () => {
    await page.goto('/sign-in');
    await check.expectPage(page);
    await signIn(page, OWNER);
    await check.expectPage(page, 'Home');
    const engagements = await call(page, 'GET', '/api/engagements?limit=200');
    const harbor = engagements.items.find((e: { contractor: { name: string } }) => e.contractor.name === 'Harbor Electrical');
    const template = await call(page, 'POST', '/api/job-templates', {
      name: `Boiler service ${suffix}`,
      tasks: [
        { title: TASKS[0], photos: 'required' },
        { title: TASKS[1], photos: 'optional' },
        { title: TASKS[2], photos: 'none' },
      ],
    });
    const job = await call(page, 'POST', '/api/jobs', {
      engagementId: harbor.id,
      siteName,
      siteAddress: '2 Quay Street, Harbourside',
      description: 'Annual boiler service',
      dueOn: today(),
      templateId: template.id,
      accessDetails: 'Boiler room key in the lockbox, code 2468',
    });
    jobId = job.id;
  });

  const office = await newPage();
  await test.step('the contractor adds a technician, accepts the job and schedules it for today', async () => {
    await office.goto('/sign-in');
    await check.expectPage(office);
    await signIn(office, CONTRACTOR_ADMIN);
    await check.expectPage(office, 'Home');
    const added = await call(office, 'POST', '/api/technicians', technician);
    await call(office, 'POST', `/api/jobs/${jobId}/accept`, { targetOn: today() });
    const staffed = await call(office, 'PUT', `/api/jobs/${jobId}/technicians`, {
      technicianIds: [added.id],
      scheduledOn: today(),
      confirmFlags: true,
    });
    expect(staffed.status).toBe('scheduled');
  });

  const phone = await newPage({ viewport: PHONE });
  await test.step('the technician signs in from the email link on a phone', async () => {
    const mark = await mailbox.mark();
    await phone.goto('/tech/jobs');
    await check.expectPage(phone);
    await field(phone, 'Email').fill(technician.email);
    await phone.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(phone.getByText('Check your email')).toBeVisible();
    const signInLink = await mailbox.waitForLink({ to: technician.email, pathname: '/magic-link', after: mark });
    await phone.goto(signInLink);
    await check.expectPage(phone);
    await phone.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(phone).not.toHaveURL(/\/magic-link/);
    await phone.goto('/tech/jobs');
    await check.expectPage(phone, 'My jobs');
    await phone.getByRole('list', { name: 'Today' }).getByRole('link', { name: siteName }).click();
    await check.expectPage(phone, siteName);
    await expect(phone.getByText('Boiler room key in the lockbox, code 2468')).toBeVisible();
  });

  await test.step("the job's messages, far down the page, load when the technician scrolls to them", async () => {
    await phone.getByRole('heading', { name: 'Messages about this job' }).scrollIntoViewIfNeeded();
    await expect(phone.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 30_000 });
    await expect(phone.getByRole('button', { name: 'Attach files' })).toBeVisible();
    await phone.evaluate(() => window.scrollTo(0, 0));
  });

  await test.step('on site, the first task passes with a photo from the camera, the second fails with a defect', async () => {
    await phone.getByRole('button', { name: "I'm on site" }).click();
    await expect(phone.getByRole('button', { name: 'Revisit required' })).toBeVisible();
    // "I've performed this work" waits, and says why.
    const missing = phone.getByRole('list', { name: 'Still missing' });
    await expect(missing).toContainText('needs a photo');
    await expect(phone.getByRole('button', { name: "I've performed this work" })).toBeDisabled();
    await check.expectAccessible(phone, 'job in progress');

    await phone.getByRole('radio', { name: 'Pass' }).check();
    await phone.getByRole('button', { name: 'Save answer' }).click();
    await expect(phone.getByText('Answer saved.')).toBeVisible();
    const chooser = phone.waitForEvent('filechooser');
    await phone.getByText('Take photos').click();
    await (await chooser).setFiles(PHOTO);
    const photos = phone.getByRole('list', { name: `Photos of ${TASKS[0]}` });
    await expect(photos.getByRole('img')).toHaveCount(1);
    // Scaled on the phone: the 2,400 px fixture arrives 2,000 px wide.
    await expect.poll(async () => photos.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2000);

    await phone.getByRole('button', { name: 'Next task' }).click();
    await expect(phone.getByRole('heading', { name: `Task 2 of 3: ${TASKS[1]}` })).toBeVisible();
    await phone.getByRole('radio', { name: 'Fail' }).check();
    await phone.getByRole('button', { name: 'Add a defect' }).click();
    await phone.getByRole('textbox', { name: 'Defect 1: description' }).fill('Isolator 3 does not latch');
    await phone.getByRole('combobox', { name: 'Defect 1: severity' }).selectOption('high');
    await phone.getByRole('textbox', { name: 'Remarks (optional)' }).fill('Replacement isolator ordered');
    await phone.getByRole('button', { name: 'Save answer' }).click();
    await expect(phone.getByText('Answer saved.')).toBeVisible();
    await expect(phone.getByRole('status').filter({ hasText: /waiting|Sending/ })).toHaveCount(0);
    await check.expectAccessible(phone, 'tasks answered');
  });

  await test.step('offline: the last task and the signature wait on the phone', async () => {
    // The service worker keeps the reads a reload needs once it controls the page (a few seconds
    // after it opened, longer on a busy machine): wait for them before the connection drops.
    const kept = [`/api/me`, `/api/my-jobs/${jobId}`, `/api/jobs/${jobId}/site`];
    await expect
      .poll(
        () =>
          phone.evaluate(async (paths) => {
            if (!navigator.serviceWorker.controller) return 'not controlled';
            const found = await Promise.all(paths.map((p) => caches.match(p, { ignoreVary: true })));
            return paths.filter((_, i) => !found[i]).join(', ') || 'kept';
          }, kept),
        { timeout: 120_000 },
      )
      .toBe('kept');
    await phone.context().setOffline(true);
    await expect(phone.getByText('Offline — 0 changes waiting')).toBeVisible();
    await phone.getByRole('button', { name: 'Next task' }).click();
    await phone.getByRole('radio', { name: 'N/A' }).check();
    await phone.getByRole('textbox', { name: 'Remarks (optional)' }).fill('Meter behind locked panel');
    await phone.getByRole('button', { name: 'Save answer' }).click();
    await expect(phone.getByText('Offline — 1 change waiting')).toBeVisible();
    await sign(phone, /^Your signature/);
    await phone.getByRole('button', { name: "I've performed this work" }).click();
    await expect(phone.getByText('Offline — 2 changes waiting')).toBeVisible();
    await check.expectAccessible(phone, 'offline with changes waiting');
    // Without a connection the tech view still opens (the service worker), and the changes still wait on the phone.
    await phone.reload();
    await check.expectPage(phone, siteName);
    await expect(phone.getByText('Offline — 2 changes waiting')).toBeVisible();
    await expect(phone.getByRole('heading', { name: "I've performed this work" })).toHaveCount(0);
    const sheet: Sheet = await call(office, 'GET', `/api/jobs/${jobId}/site`);
    expect(sheet.job.status).toBe('in_progress');
    expect(sheet.tasks[2]!.result).toBeNull();
  });

  await test.step('back online: the queued changes arrive, once', async () => {
    await phone.context().setOffline(false);
    await expect.poll(async () => ((await call(office, 'GET', `/api/jobs/${jobId}/site`)) as Sheet).job.status).toBe('performed_need_docs');
    await expect(phone.getByRole('status').filter({ hasText: /waiting|Sending/ })).toHaveCount(0);
    const sheet: Sheet = await call(office, 'GET', `/api/jobs/${jobId}/site`);
    expect(sheet.tasks.map((t) => t.result)).toEqual(['pass', 'fail', 'na']);
    expect(sheet.tasks[2]!.remarks).toBe('Meter behind locked panel');
    expect(sheet.tasks[0]!.photoList).toHaveLength(1);
    expect(sheet.visits).toHaveLength(1);
    expect(sheet.signoff?.technicianName).toBe(technician.name);
    const job = await call(office, 'GET', `/api/jobs/${jobId}`);
    const performed = job.history.filter((h: { toStatus: string }) => h.toStatus === 'performed_need_docs');
    expect(performed, 'performed once').toHaveLength(1);
    // A reload sends nothing again: the queue on the phone is empty.
    await phone.reload();
    await check.expectPage(phone, siteName);
    await expect(phone.getByRole('heading', { name: 'Performed and signed' })).toBeVisible();
  });

  await test.step("the contractor's office sees the same work and completes the job", async () => {
    await office.goto(`/portal/jobs/${jobId}`);
    await check.expectPage(office, new RegExp(siteName));
    await expect(office.getByRole('heading', { name: 'Performed and signed' })).toBeVisible();
    await expect(office.getByRole('list', { name: 'Service tasks' })).toContainText(TASKS[1]);
    await office.getByRole('button', { name: 'Complete job' }).click();
    const dialog = office.getByRole('dialog', { name: 'Complete this job' });
    await dialog.getByLabel('Actual on-site date').fill(today());
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'invoice.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      ),
    });
    await expect(dialog.getByText('Uploaded')).toBeVisible();
    await check.expectAccessible(office, 'complete job dialog');
    await dialog.getByRole('button', { name: 'Complete job' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(async () => (await call(office, 'GET', `/api/jobs/${jobId}`)).status).toBe('performed');
  });

  await test.step('the company downloads the job report, which shows the answers', async () => {
    await page.goto(`/app/jobs/${jobId}`);
    await check.expectPage(page, new RegExp(siteName));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the job report' }).click(),
    ]);
    const text = (await extractPdfText(readFileSync((await download.path())!))).join(' ');
    for (const title of TASKS) expect(text).toContain(title);
    expect(text).toContain('Isolator 3 does not latch');
    expect(text).toContain('Meter behind locked panel');
    expect(text).toContain(technician.name);
  });
});
