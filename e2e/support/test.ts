import AxeBuilder from '@axe-core/playwright';
import { type BrowserContextOptions, test as base, expect, type Page } from '@playwright/test';
import type { CapturedEmail } from './mail-sink.ts';

export { expect };

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A page stays "visited" only if it was shown at least this long (client redirects are not pages). */
const SETTLED_MS = 1_500;

export interface Mailbox {
  /** The id of the newest message so far: pass it as `after` to wait only for newer mail. */
  mark(): Promise<number>;
  messages(to?: string): Promise<CapturedEmail[]>;
  /** Waits for a message to `to` (newer than `after`) with a link to `pathname`; returns the link. */
  waitForLink(options: { to: string; pathname: string; after?: number; timeoutMs?: number }): Promise<string>;
}

export interface PageCheck {
  /**
   * The page is shown: waits for its level-1 heading, runs axe (WCAG 2.1 A and AA: 0 violations)
   * and, on a narrow viewport, checks there is no horizontal scroll.
   */
  expectPage(page: Page, heading?: string | RegExp): Promise<void>;
  /** axe on the page as it is now (an open dialog, a form showing errors…). */
  expectAccessible(page: Page, label?: string): Promise<void>;
}

interface Fixtures {
  mailbox: Mailbox;
  check: PageCheck;
  /** A page in a NEW browser context (its own cookies), closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

interface Visit {
  pathname: string;
  at: number;
}

/** The live-updates stream stays open for the page's life: it never counts as a request in flight. */
const isEventStream = (url: string) => new URL(url).pathname === '/api/events';

class PageTracker {
  private readonly visits = new Map<Page, Visit[]>();
  private readonly checked = new Map<Page, Set<string>>();
  private readonly inFlight = new Map<Page, { count: number; quietSince: number }>();

  track(page: Page): void {
    if (this.visits.has(page)) return;
    this.visits.set(page, []);
    this.checked.set(page, new Set());
    const flight = { count: 0, quietSince: Date.now() };
    this.inFlight.set(page, flight);
    page.on('request', (request) => {
      if (!isEventStream(request.url())) flight.count++;
    });
    const done = (request: { url(): string }) => {
      if (isEventStream(request.url())) return;
      flight.count = Math.max(0, flight.count - 1);
      if (flight.count === 0) flight.quietSince = Date.now();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = frame.url();
      if (!url.startsWith('http')) return;
      const pathname = new URL(url).pathname;
      const list = this.visits.get(page)!;
      if (list.at(-1)?.pathname !== pathname) list.push({ pathname, at: Date.now() });
    });
  }

  /** Waits until no request (but the event stream) has been in flight for 500 ms, at most timeoutMs: what 'networkidle' means, with the live stream open. */
  async settle(page: Page, timeoutMs = 5_000): Promise<void> {
    this.track(page);
    const flight = this.inFlight.get(page)!;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !(flight.count === 0 && Date.now() - flight.quietSince >= 500)) await page.waitForTimeout(50);
  }

  markChecked(page: Page): void {
    this.track(page);
    this.checked.get(page)!.add(new URL(page.url()).pathname);
  }

  /** Pages that were shown (not just passed through) and never checked with axe. */
  unchecked(): string[] {
    const missing = new Set<string>();
    for (const [page, list] of this.visits) {
      const checked = this.checked.get(page)!;
      list.forEach((visit, index) => {
        const next = list[index + 1];
        const shownFor = (next?.at ?? Date.now()) - visit.at;
        if (!checked.has(visit.pathname) && (shownFor >= SETTLED_MS || !next)) missing.add(visit.pathname);
      });
    }
    return [...missing];
  }
}

async function runAxe(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`)
        .join('\n'),
  );
  expect(report, `axe found WCAG 2.1 A/AA violations on ${label}`).toEqual([]);
}

export const test = base.extend<Fixtures & { tracker: PageTracker }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  tracker: async ({}, use, testInfo) => {
    const tracker = new PageTracker();
    await use(tracker);
    if (testInfo.status === testInfo.expectedStatus) {
      expect(tracker.unchecked(), 'every page the journey showed must be checked with axe').toEqual([]);
    }
  },

  page: async ({ page, tracker }, use) => {
    tracker.track(page);
    await use(page);
  },

  newPage: async ({ browser, baseURL, tracker }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (options = {}) => {
      // AxeBuilder needs a page from browser.newContext()
      const context = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/London', ...options });
      contexts.push(context);
      const page = await context.newPage();
      tracker.track(page);
      return page;
    });
    for (const context of contexts) await context.close();
  },

  check: async ({ tracker }, use) => {
    await use({
      async expectPage(page, heading) {
        const h1 = heading === undefined ? page.getByRole('heading', { level: 1 }) : page.getByRole('heading', { level: 1, name: heading });
        await expect(h1).toBeVisible();
        // let the page's queries settle before axe looks (polling pages never go idle: do not wait forever)
        await tracker.settle(page);
        const pathname = new URL(page.url()).pathname;
        await runAxe(page, `${pathname} (${heading ?? 'page'})`);
        tracker.markChecked(page);
        const width = page.viewportSize()?.width;
        if (width !== undefined && width <= 480) {
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(scrollWidth, `${pathname} scrolls sideways at ${width}px wide`).toBeLessThanOrEqual(width);
        }
      },
      async expectAccessible(page, label) {
        await runAxe(page, `${new URL(page.url()).pathname}${label ? ` (${label})` : ''}`);
        tracker.markChecked(page);
      },
    });
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  mailbox: async ({}, use) => {
    const base = process.env.PORTICO_E2E_MAILBOX_URL;
    if (!base)
      throw new Error(
        'PORTICO_E2E_MAILBOX_URL is not set: run the journeys with `npx playwright test` (global setup starts the SMTP sink).',
      );
    const messages = async (to?: string): Promise<CapturedEmail[]> => {
      const response = await fetch(`${base}/messages${to ? `?to=${encodeURIComponent(to)}` : ''}`);
      return (await response.json()) as CapturedEmail[];
    };
    await use({
      messages,
      async mark() {
        const all = await messages();
        return all.at(-1)?.id ?? 0;
      },
      async waitForLink({ to, pathname, after = 0, timeoutMs = 120_000 }) {
        let link: string | undefined;
        await expect
          .poll(
            async () => {
              const mail = (await messages(to)).filter((m) => m.id > after);
              link = mail.flatMap((m) => m.links).find((l) => new URL(l).pathname === pathname);
              return link;
            },
            { message: `an email to ${to} with a link to ${pathname}`, timeout: timeoutMs, intervals: [250, 500, 1000] },
          )
          .toBeTruthy();
        return link!;
      },
    });
  },
});
