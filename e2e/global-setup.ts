import type { FullConfig } from '@playwright/test';
import { startMailSink } from './support/mail-sink.ts';
import { startPortico } from './support/portico-server.ts';

/**
 * Before the journeys: an SMTP sink on loopback and one Portico server (fresh embedded
 * database, demo data, mail to the sink). Workers find them through the environment:
 * PORTICO_E2E_BASE_URL (also the configured baseURL) and PORTICO_E2E_MAILBOX_URL.
 * Returns the teardown, which stops both.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const sink = await startMailSink();
  let server: Awaited<ReturnType<typeof startPortico>>;
  try {
    server = await startPortico({ smtpPort: sink.smtpPort });
  } catch (error) {
    await sink.close();
    throw error;
  }
  process.env.PORTICO_E2E_BASE_URL = server.url;
  process.env.PORTICO_E2E_MAILBOX_URL = sink.httpUrl;
  console.log(`[e2e] Portico on ${server.url}, SMTP sink on 127.0.0.1:${sink.smtpPort}, messages at ${sink.httpUrl}/messages`);
  return async () => {
    await server.stop();
    await sink.close();
    console.log(`[e2e] stopped Portico and the SMTP sink (${sink.messages.length} messages received)`);
  };
}
