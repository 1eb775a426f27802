// PGlite on its own thread: the main thread sends statements (see pglite.proxy.ts) and keeps
// serving HTTP while PostgreSQL (WASM) runs them. Plain JavaScript so that it runs as is under
// tsx, Vitest and node alike.
import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {PGlite | undefined} */
let db;
const keepText = (value) => value;

/**
 * PostgreSQL's default 128 MB of shared buffers is touched in full at start: ~120 MB of resident
 * memory for a database that is mostly smaller than that (the OS caches its files as well).
 */
const memorySettings = ['-c', 'shared_buffers=32MB', '-c', 'maintenance_work_mem=16MB', '-c', 'work_mem=4MB'];

function queryOptions(options) {
  if (!options) return undefined;
  const parsers = Object.fromEntries((options.textTypes ?? []).map((oid) => [oid, keepText]));
  return { rowMode: options.rowMode, parsers };
}

function describeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) if (typeof value !== 'function' && typeof value !== 'object') fields[key] = value;
  return { ...fields, name: error.name, message: error.message };
}

async function run(message) {
  switch (message.op) {
    case 'open': {
      const options = { startParams: [...PGlite.defaultStartParams, ...memorySettings] };
      if (message.loadDataDir) options.loadDataDir = new Blob([message.loadDataDir]);
      db = new PGlite(message.dataDir, options);
      await db.waitReady;
      return { result: null };
    }
    case 'query':
      return { result: await db.query(message.sql, message.params, queryOptions(message.options)) };
    case 'exec':
      return { result: await db.exec(message.sql) };
    case 'dump': {
      const buffer = await (await db.dumpDataDir(message.compression)).arrayBuffer();
      return { result: buffer, transfer: [buffer] };
    }
    case 'close':
      await db?.close();
      return { result: null };
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

parentPort.on('message', (message) => {
  run(message).then(
    ({ result, transfer }) => parentPort.postMessage({ id: message.id, result }, transfer ?? []),
    (error) => parentPort.postMessage({ id: message.id, error: describeError(error) }),
  );
});
