/**
 * A second statement sent on a node-postgres client that is still busy (Promise.all over one
 * transaction) is deprecated, and an error in pg@9: the test that does it fails now. Reads that
 * may run in a transaction go through readTogether (src/server/db/transaction.ts).
 */
const key = Symbol.for('portico.test.warnings');
const marked = globalThis as { [key]?: true };
if (!marked[key]) {
  marked[key] = true;
  process.on('warning', (warning) => {
    if (/already executing a query/.test(warning.message)) throw new Error(`node-postgres: ${warning.message}\n${warning.stack ?? ''}`);
  });
}
