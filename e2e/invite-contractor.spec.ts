import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';

/**
 * The company invites a contractor; the contractor's admin accepts the emailed invitation,
 * lands in the contractor portal, signs out and back in with the new password. A technician
 * signs in with an emailed magic link. axe runs on every page shown.
 */

const OWNER = { email: 'olivia.owner@northwind.example', password: 'Harbour-Lantern-Violet-42' };
const TECHNICIAN = { email: 'tom.tech@brightline.example' };
const ORGANIZATION = 'Northwind Facilities';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** A text field by its accessible name (its label; a required field's "*" is hidden from it). */
function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Sign out: a plain button, or the item of the account menu. */
async function signOut(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Sign out', exact: true });
  if (await button.isVisible()) {
    await button.click();
    return;
  }
  await page.getByRole('button', { name: /^Account/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
}

for (const [viewportName, viewport] of [
  ['desktop', DESKTOP],
  ['phone 360×740', PHONE],
] as const) {
  test(`a company invites a contractor, who joins and signs in again (contractor on ${viewportName})`, async ({
    page,
    newPage,
    mailbox,
    check,
  }) => {
    // Two browsers and a mailbox on a shared machine: three times the default time.
    test.slow();
    const suffix = `${viewport.width}-${Date.now().toString(36)}`;
    const contractor = {
      business: `Sparrow Plumbing ${suffix}`,
      name: 'Sam Sparrow',
      email: `sam.${suffix}@sparrow-plumbing.example`,
      password: 'Copper-Meadow-Kettle-73',
    };

    await test.step('the owner signs in, lands on Home and opens Contractors', async () => {
      await page.goto('/sign-in');
      await check.expectPage(page);
      await signInWithPassword(page, OWNER.email, OWNER.password);
      await check.expectPage(page, 'Home');
      await page.goto('/app/contractors');
      await check.expectPage(page, 'Contractors');
    });

    const mark = await mailbox.mark();
    await test.step('the owner invites the contractor', async () => {
      await page
        .getByRole('button', { name: 'Invite contractor' })
        .or(page.getByRole('link', { name: 'Invite contractor' }))
        .click();
      await field(page, 'Business name').fill(contractor.business);
      await field(page, 'Contact name').fill(contractor.name);
      await field(page, 'Email').fill(contractor.email);
      await check.expectAccessible(page, 'invitation form');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expect(page.getByText(contractor.business).first()).toBeVisible();
      await check.expectAccessible(page, 'after sending the invitation');
    });

    const invitation = await test.step('the invitation email arrives', async () => {
      const link = await mailbox.waitForLink({ to: contractor.email, pathname: '/invite', after: mark });
      expect(new URL(link).searchParams.get('token')).toBeTruthy();
      return link;
    });

    // the contractor is someone else, on another device: a new browser context
    const invitee = await newPage({ viewport });
    await test.step('the contractor accepts the invitation', async () => {
      await invitee.goto(invitation);
      await check.expectPage(invitee);
      await field(invitee, 'Your name').fill(contractor.name);
      await field(invitee, 'Password').fill(contractor.password);
      await field(invitee, 'Confirm password').fill(contractor.password);
      await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    });

    await test.step('the contractor lands on Home, with what to do next, and sees the organization', async () => {
      await check.expectPage(invitee, 'Home');
      await expect(invitee.getByText('Nothing to deliver right now.')).toBeVisible();
      await invitee.goto('/portal/organizations');
      await check.expectPage(invitee, 'Organizations');
      await expect(invitee.getByRole('main').getByText(ORGANIZATION).first()).toBeVisible();
    });

    await test.step('the contractor signs out and back in with the new password', async () => {
      await signOut(invitee);
      await expect(field(invitee, 'Email')).toBeVisible();
      await check.expectPage(invitee);
      await signInWithPassword(invitee, contractor.email, contractor.password);
      await check.expectPage(invitee, 'Home');
      await invitee.goto('/portal/organizations');
      await check.expectPage(invitee, 'Organizations');
      await expect(invitee.getByRole('main').getByText(ORGANIZATION).first()).toBeVisible();
    });
  });
}

test('a technician signs in with a magic link (phone 360×740)', async ({ newPage, mailbox, check }) => {
  const page = await newPage({ viewport: PHONE });

  const mark = await mailbox.mark();
  await test.step('the technician asks for a sign-in link', async () => {
    await page.goto('/sign-in');
    await check.expectPage(page);
    await field(page, 'Email').fill(TECHNICIAN.email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByText('Check your email')).toBeVisible();
    await check.expectAccessible(page, 'sign-in link sent');
  });

  const link = await test.step('the sign-in email arrives', () =>
    mailbox.waitForLink({ to: TECHNICIAN.email, pathname: '/magic-link', after: mark }));

  await test.step('the technician opens the link and signs in', async () => {
    await page.goto(link);
    await check.expectPage(page);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).not.toHaveURL(/\/magic-link/);
    // the technician view: mobile first, the jobs assigned to them
    await check.expectPage(page, 'My jobs');
    // Today's and upcoming jobs, each list saying what to expect when it is empty.
    await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Upcoming', exact: true })).toBeVisible();
  });
});
