// PGlite on its own thread: the main thread sends statements (see pglite.proxy.ts) and keeps
// serving HTTP while PostgreSQL (WASM) runs them. Plain JavaScript so that it runs as is under
// tsx, Vitest and node alike.
import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {PGlite | undefined} */
let db;
const keepText = (value) => value;

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
      const options = message.loadDataDir ? { loadDataDir: new Blob([message.loadDataDir]) } : undefined;
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
