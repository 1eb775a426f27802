import pg from 'pg';

export interface ListenHandlers {
  /** Each NOTIFY's payload on the channel, once the notifying transaction has committed. */
  onPayload: (payload: string) => void;
  /** The connection was lost and is back: notifications sent meanwhile are gone, read what was missed. */
  onReconnect?: () => void;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;

/**
 * One dedicated PostgreSQL connection that LISTENs on a channel (a pooled connection cannot: it
 * goes back to the pool). Reconnects with backoff when the connection drops, then tells the
 * caller to catch up. Returns a function that stops it.
 */
export async function listenOnPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = RETRY_MIN_MS;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) handlers.onPayload(message.payload ?? '');
    });
    next.on('error', () => reconnectLater(next));
    next.on('end', () => reconnectLater(next));
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryMs = RETRY_MIN_MS;
    if (isReconnect) handlers.onReconnect?.();
  };

  const reconnectLater = (lost: pg.Client) => {
    if (stopped || lost !== client) return;
    client = undefined;
    lost.end().catch(() => undefined);
    const attempt = () => {
      timer = undefined;
      if (stopped) return;
      connect(true).catch(() => {
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        timer = setTimeout(attempt, retryMs);
        timer.unref();
      });
    };
    timer = setTimeout(attempt, retryMs);
    timer.unref();
  };

  await connect(false);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const last = client;
    client = undefined;
    await last?.end().catch(() => undefined);
  };
}
