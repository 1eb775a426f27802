import { defineConfig } from '@playwright/test';

/**
 * Browser journeys (e2e/*.spec.ts) in Debian's Chromium, never a downloaded browser.
 * e2e/global-setup.ts starts an SMTP sink and a Portico server on a fresh embedded database
 * (it needs `npm run build` first) and publishes the server's address as PORTICO_E2E_BASE_URL,
 * which the workers read here as baseURL.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  // limits that hold on a busy machine: a slow page is waited for, a broken one still fails
  timeout: 180_000,
  expect: { timeout: 30_000 },
  outputDir: 'test-results',
  use: {
    baseURL: process.env.PORTICO_E2E_BASE_URL,
    browserName: 'chromium',
    headless: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
