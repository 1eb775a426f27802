// PGlite on its own thread: the main thread sends statements (see pglite.proxy.ts) and keeps
// serving HTTP while PostgreSQL (WASM) runs them. Plain JavaScript so that it runs as is under
// tsx, Vitest and node alike.
import { parentPort } from 'node:worker_threads';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import { plannerSetStatement } from './planner.settings.mjs';
import { ARRAY_TYPES_SQL, isPlainAnswer } from './pglite.results.mjs';
import { seedFromTemplate } from './pglite.template.mjs';

/** @type {PGlite | undefined} */
let db;
/** The channels this thread listens on, by PostgreSQL's name for each. */
const listening = new Map();
const keepText = (value) => value;

/**
 * PostgreSQL's memory at start: `shared_buffers=16MB` (and smaller work memories) as start
 * parameters. `pg_settings` goes on reporting its configuration file's 128 MB, yet these sizes
 * are what the process allocates: measured after warm-up (bench/bench.start.ts), 375 MB of
 * resident memory with PGlite's default start parameters, 255 MB with these.
 */
const memorySettings = ['-c', 'shared_buffers=16MB', '-c', 'maintenance_work_mem=16MB', '-c', 'work_mem=4MB'];

/**
 * Named prepared statements, one per distinct statement text (at most PREPARED_MAX, least recently
 * used first out). PostgreSQL in WASM spends most of a list query PLANNING it (a join of four
 * tables with two subqueries: ~4 ms to plan, under 1 ms to run); a prepared statement is parsed
 * once and planned once (plan_cache_mode, planner.settings.mjs). The rows, their types
 * and errors are the same as PGlite's own query (parse, describe, bind, execute, sync), which is
 * what statements that are not plain DML, or have many parameters (bulk inserts), still take.
 */
const PREPARED_MAX = 200;
const PREPARABLE = /^\s*(select|with|insert|update|delete)\b/i;
/** @type {Map<string, { name: string; types: number[] }>} */
const prepared = new Map();
let statementCount = 0;
const { serialize } = protocol;

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function preparable(sql, params) {
  return (params?.length ?? 0) <= 64 && sql.length <= 16_384 && PREPARABLE.test(sql);
}

async function prepare(sql) {
  const name = `portico_${++statementCount}`;
  const { messages } = await db.execProtocol(
    concat([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]),
    {
      syncToFs: false,
    },
  );
  if (prepared.size >= PREPARED_MAX) {
    const [oldest, statement] = prepared.entries().next().value;
    prepared.delete(oldest);
    await db.execProtocol(concat([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]), { syncToFs: false });
  }
  const statement = { name, types: parse.parseDescribeStatementResults(messages) };
  prepared.set(sql, statement);
  return statement;
}

async function queryPrepared(sql, params = [], options) {
  let statement = prepared.get(sql);
  if (statement) {
    prepared.delete(sql);
    prepared.set(sql, statement);
  } else statement = await prepare(sql);
  const values = params.map((param, i) => {
    if (param === null || param === undefined) return null;
    const serializer = db.serializers[statement.types[i]];
    return serializer ? serializer(param) : param.toString();
  });
  const exchange = concat([
    serialize.bind({ statement: statement.name, values }),
    serialize.describe({ type: 'P' }),
    serialize.execute({}),
    serialize.sync(),
  ]);
  // The answer's bytes as PostgreSQL wrote them (PGlite hands out a view of its memory: copied).
  const chunks = [];
  await db.execProtocolRawStream(exchange, { onRawData: (chunk) => chunks.push(chunk.slice()) });
  const bytes = chunks.length === 1 ? chunks[0] : concat(chunks);
  // Rows go to the main thread as the answer's bytes (moved, not copied), read there by readResult.
  return isPlainAnswer(bytes) ? { answer: bytes } : readSlowly(bytes, options);
}

/**
 * An answer with an error or a notification, read by PGlite's own reader: the error thrown is
 * the one PGlite's query throws, and a notification reaches the main thread like db.listen's.
 */
function readSlowly(bytes, options) {
  const messages = [];
  new protocol.Parser().parse(bytes, (message) => messages.push(message));
  for (const m of messages)
    if (m instanceof protocol.messages.NotificationResponseMessage && listening.has(m.channel))
      parentPort.postMessage({ notification: { channel: listening.get(m.channel), payload: m.payload } });
  const error = messages.find((m) => m instanceof protocol.messages.DatabaseError);
  if (error) throw error;
  return parse.parseResults(messages, db.parsers, options)[0];
}

async function query(sql, params, options) {
  if (!preparable(sql, params)) return db.query(sql, params, options);
  try {
    return await queryPrepared(sql, params, options);
  } catch (error) {
    if (error instanceof Error) Object.assign(error, { query: sql });
    throw error;
  }
}

/** The options PGlite's reader takes (an error's or a notification's answer, a statement not prepared). */
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
      if (message.template && message.dataDir)
        seedFromTemplate(message.dataDir, message.template.templatesDir, message.template.migrationsFolder);
      const options = { startParams: [...PGlite.defaultStartParams, ...memorySettings] };
      if (message.loadDataDir) options.loadDataDir = new Blob([message.loadDataDir]);
      db = new PGlite(message.dataDir, options);
      await db.waitReady;
      await db.exec(plannerSetStatement());
      // The main thread reads rows with the same parsers (pglite.results.mjs, pgliteParsers).
      const arrays = await db.query(ARRAY_TYPES_SQL, [], { rowMode: 'array' });
      return { result: { arrayTypes: arrays.rows } };
    }
    case 'query': {
      const result = await query(message.sql, message.params, queryOptions(message.options));
      return { result, transfer: result.answer ? [result.answer.buffer] : [] };
    }
    case 'exec':
      return { result: await db.exec(message.sql) };
    case 'dump': {
      const buffer = await (await db.dumpDataDir(message.compression)).arrayBuffer();
      return { result: buffer, transfer: [buffer] };
    }
    case 'listen':
      // NOTIFY on this connection (a committed transaction's pg_notify) reaches the main thread.
      await db.listen(message.channel, (payload) => parentPort.postMessage({ notification: { channel: message.channel, payload } }));
      // PostgreSQL's name for it (unquoted: lower case), as a notification names it.
      listening.set(message.channel.toLowerCase(), message.channel);
      return { result: null };
    case 'close':
      await db?.close();
      return { result: null };
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

parentPort.on('message', (message) => {
  run(message)
    .then(
      ({ result, transfer }) => parentPort.postMessage({ id: message.id, result }, transfer ?? []),
      (error) => parentPort.postMessage({ id: message.id, error: describeError(error) }),
    )
    .finally(() => {
      // Closed: the thread ends by itself once nothing is left to do. worker.terminate() stops a
      // thread wherever it is (a file operation of PGlite's still in flight, WASM code being
      // compiled), a known cause of whole-process aborts; Node 24 once aborted in CI on this thread.
      if (message.op === 'close') parentPort.close();
    });
});
