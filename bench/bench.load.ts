/**
 * A small HTTP load loop against 127.0.0.1: `connections` keep-alive connections, each sending
 * its next request when the last one answered, for at most `seconds` and `maxRequests`.
 * Every request's latency is kept; any non-2xx answer stops the run with its body.
 */
import http from 'node:http';

export interface Target {
  method?: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface LoadOptions {
  port: number;
  connections: number;
  seconds: number;
  maxRequests: number;
  headers?: Record<string, string>;
  /** The request to send next (a new milestone to approve, or always the same list). */
  next: () => Target;
  /** Requests sent first and not measured. */
  warmup?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function send(agent: http.Agent, port: number, headers: Record<string, string>, target: Target): Promise<void> {
  return new Promise((resolve, reject) => {
    const body = target.body;
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: target.method ?? 'GET',
        path: target.path,
        headers:
          body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else
            reject(
              new Error(`${target.method ?? 'GET'} ${target.path}: ${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`),
            );
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const headers = options.headers ?? {};
  try {
    for (let i = 0; i < (options.warmup ?? 0); i++) await send(agent, options.port, headers, options.next());
    const latencies: number[] = [];
    const deadline = performance.now() + options.seconds * 1000;
    let sent = 0;
    const started = performance.now();
    const worker = async () => {
      while (sent < options.maxRequests && performance.now() < deadline) {
        sent++;
        const t0 = performance.now();
        await send(agent, options.port, headers, options.next());
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: options.connections }, worker));
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      seconds: elapsed,
      rps: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    agent.destroy();
  }
}
