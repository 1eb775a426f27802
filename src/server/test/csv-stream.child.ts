/**
 * Run by csv.export.test.ts in a child Node with a small heap (`--max-old-space-size`) and
 * `--expose-gc`: streams 100,000 rows of ~900 bytes through the CSV export and prints, as JSON,
 * the rows and bytes written and the most heap that stayed alive after a full collection.
 * Buffering the file would not fit in that heap and would crash the child.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CsvColumn, csvStream, readInBatches } from '../lib/csv.export.ts';

const total = 100_000;
const filler = 'x'.repeat(900);
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with --expose-gc');

async function readBatch(after: number | undefined, size: number): Promise<number[]> {
  const start = (after ?? -1) + 1;
  return Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
}

const columns: CsvColumn<number>[] = [
  { header: 'n', cell: (n) => n },
  { header: 'text', cell: (n) => `${filler}${n}` },
];

collect();
const base = process.memoryUsage().heapUsed;
let retainedPeak = 0;
let bytes = 0;
let rows = 0;
let chunks = 0;
await pipeline(
  csvStream(columns, readInBatches(readBatch, 1000)),
  new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      rows += chunk.toString('utf8').split('\r\n').length - 1;
      if (++chunks % 200 === 0) {
        collect();
        retainedPeak = Math.max(retainedPeak, process.memoryUsage().heapUsed - base);
      }
      done();
    },
  }),
);
process.stdout.write(`${JSON.stringify({ rows, bytes, retainedPeak, chunks })}\n`);
