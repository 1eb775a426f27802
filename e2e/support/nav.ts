import type { Page } from '@playwright/test';

/** Tailwind's `md`: below it the shell's navigation sits behind the Menu button. */
const MENU_BELOW_PX = 768;

/**
 * Shows the shell's main navigation: on a phone, presses Menu unless it is open. Decided by the
 * viewport, not by whether the button is visible yet, so a page still rendering after a sign-in
 * never leaves the navigation folded away.
 */
export async function openMenu(page: Page): Promise<void> {
  if ((page.viewportSize()?.width ?? 1280) >= MENU_BELOW_PX) return;
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
}

/** Opens an item of the shell's main navigation: its exact name, or a pattern (a name with a count). */
export async function openNav(page: Page, label: string | RegExp): Promise<void> {
  await openMenu(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', typeof label === 'string' ? { name: label, exact: true } : { name: label })
    .click();
}
