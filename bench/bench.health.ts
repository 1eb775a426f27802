/**
 * `/health` while list routes are loaded (issue 8's goal: p99 ≤ 50 ms with 50 connections on
 * PGlite, "the embedded database never stalls the event loop"). A probe on a thread of its own (a
 * worker, so the load loop's event loop does not delay its timings) asks for /health one request
 * at a time, every 10 ms: first with the server idle, the baseline beside it, then while 50
 * connections load a list. The probe and the load share this machine's two cores with the server.
 */
import { Worker } from 'node:worker_threads';
import { type LoadResult, percentile, runLoad } from './bench.load.ts';

export interface HealthProbe {
  requests: number;
  p50: number;
  p99: number;
  max: number;
}

/** The probe's code: plain JavaScript, run as the worker's script. */
const PROBE = `
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const latencies = [];
const ask = () => new Promise((resolve, reject) => {
  const started = performance.now();
  const req = http.get({ host: '127.0.0.1', port: workerData.port, path: '/health', agent }, (res) => {
    res.resume();
    res.on('end', () => {
      if (res.statusCode !== 200) return reject(new Error('/health answered ' + res.statusCode));
      latencies.push(performance.now() - started);
      resolve();
    });
  });
  req.on('error', reject);
});
(async () => {
  const deadline = performance.now() + workerData.ms;
  while (performance.now() < deadline) {
    await ask();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  agent.destroy();
  parentPort.postMessage({ latencies });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

/** Asks for /health on `port` for `ms`, one request at a time, from its own thread. */
export function probeHealth(port: number, ms: number): Promise<HealthProbe> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(PROBE, { eval: true, workerData: { port, ms } });
    worker.once('message', (message: { latencies?: number[]; error?: string }) => {
      void worker.terminate();
      if (!message.latencies) return reject(new Error(message.error ?? 'the /health probe sent nothing'));
      const sorted = [...message.latencies].sort((a, b) => a - b);
      resolve({ requests: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN });
    });
    worker.once('error', reject);
  });
}

export interface HealthUnderLoad {
  idle: HealthProbe;
  loaded: HealthProbe;
  load: LoadResult;
}

/** /health idle, then while `connections` connections send `path` (with `headers`) for `seconds`. */
export async function benchHealth(options: {
  port: number;
  path: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<HealthUnderLoad> {
  const idle = await probeHealth(options.port, 2_000);
  const [loaded, load] = await Promise.all([
    probeHealth(options.port, options.seconds * 1000),
    runLoad({
      port: options.port,
      connections: options.connections,
      seconds: options.seconds,
      maxRequests: 1_000_000,
      warmup: 0,
      headers: options.headers,
      next: () => ({ path: options.path }),
    }),
  ]);
  return { idle, loaded, load };
}
