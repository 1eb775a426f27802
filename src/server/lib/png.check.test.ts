import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { ADAM7, colourTypes, isDrawablePng, MAX_PNG_UNPACKED_BYTES } from './png.check.ts';
import { encodePng, pngChunk } from './png.encode.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
interface Craft {
  width: number;
  height: number;
  colourType?: number;
  depth?: number;
  interlaced?: boolean;
  /** The filter byte of every row (PNG defines 0 to 4). */
  filter?: number;
  /** Bytes added to (or, negative, cut from) the unpacked data. */
  extra?: number;
  palette?: boolean;
  transparency?: boolean;
  /** The IDAT chunk's data as is, instead of the rows deflated. */
  idat?: Buffer;
  withoutEnd?: boolean;
}

/** A PNG made to order, right or broken, the way png-js would meet it. */
function craftPng(c: Craft): Buffer {
  const { width, height, colourType = 6, depth = 8, interlaced = false, filter = 0, extra = 0 } = c;
  const bitsPerPixel = colourTypes[colourType]!.channels * depth;
  const passes = interlaced ? ADAM7 : [[0, 0, 1, 1] as const];
  const rows: Buffer[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const columns = Math.ceil((width - x0!) / dx!);
    const count = Math.ceil((height - y0!) / dy!);
    if (columns <= 0) continue;
    for (let r = 0; r < count; r++)
      rows.push(Buffer.concat([Buffer.from([filter]), Buffer.alloc(Math.ceil((columns * bitsPerPixel) / 8), 0x55)]));
  }
  let raw = Buffer.concat(rows);
  raw = extra >= 0 ? Buffer.concat([raw, Buffer.alloc(extra)]) : raw.subarray(0, raw.length + extra);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = depth;
  header[9] = colourType;
  header[12] = interlaced ? 1 : 0;
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', header),
    ...(c.palette ? [pngChunk('PLTE', Buffer.from([0, 0, 0, 255, 255, 255, 200, 30, 30, 30, 30, 200]))] : []),
    ...(c.transparency ? [pngChunk('tRNS', Buffer.from([0, 128]))] : []),
    pngChunk('IDAT', c.idat ?? deflateSync(raw)),
    ...(c.withoutEnd ? [] : [pngChunk('IEND', Buffer.alloc(0))]),
  ]);
}

/** Draws the PNG into a PDF to its end: what the job report does with a photo or a signature. */
async function drawInPdf(png: Buffer): Promise<number> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  doc.image(png, 0, 0, { fit: [100, 100] });
  doc.end();
  await done;
  return Buffer.concat(chunks).length;
}

describe('isDrawablePng', () => {
  const drawable: Array<[string, Buffer]> = [
    ['8-bit RGBA (a signature pad, a canvas)', encodePng(40, 20, (x) => [x, 0, 0, x % 2 ? 255 : 0])],
    ['16-bit RGBA', craftPng({ width: 9, height: 7, depth: 16 })],
    ['grey with alpha', craftPng({ width: 9, height: 7, colourType: 4 })],
    ['RGB', craftPng({ width: 9, height: 7, colourType: 2 })],
    ['1-bit grey', craftPng({ width: 13, height: 3, colourType: 0, depth: 1 })],
    ['a 2-bit palette with transparency', craftPng({ width: 13, height: 5, colourType: 3, depth: 2, palette: true, transparency: true })],
    ['an 8-bit palette with transparency', craftPng({ width: 13, height: 5, colourType: 3, palette: true, transparency: true })],
    ['interlaced RGBA', craftPng({ width: 20, height: 11, interlaced: true })],
    ['interlaced RGB, Paeth rows', craftPng({ width: 8, height: 8, colourType: 2, interlaced: true, filter: 4 })],
  ];
  for (const [label, png] of drawable)
    it(`takes ${label}, and pdfkit draws it`, async () => {
      expect(await isDrawablePng(png)).toBe(true);
      expect(await drawInPdf(png)).toBeGreaterThan(0);
    });

  const ok = craftPng({ width: 4, height: 4 });
  const broken: Array<[string, Buffer]> = [
    // The three a fuzzer sent as a signature: each ended the server while the report was drawn.
    [
      'a size no array can hold',
      Buffer.from('iVBORw0KGgoAAAANSUhEUn////9/////CAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=', 'base64'),
    ],
    [
      'pixel data that is not zlib',
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAD0lEQVRub3QgemxpYiBhdCBhbGz44kQmAAAAAElFTkSuQmCC', 'base64'),
    ],
    [
      'a row filter PNG does not define',
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nONkYGD4DwABMQEJepPJcQAAAABJRU5ErkJggg==', 'base64'),
    ],
    ['filter 5 on every row', craftPng({ width: 4, height: 4, filter: 5 })],
    ['rows missing', craftPng({ width: 4, height: 4, extra: -3 })],
    ['more data than rows', craftPng({ width: 4, height: 4, extra: 1 })],
    ['a zlib stream cut short', craftPng({ width: 4, height: 4, idat: deflateSync(Buffer.alloc(20)).subarray(0, 8) })],
    ['no end chunk', craftPng({ width: 4, height: 4, withoutEnd: true })],
    ['a palette image without a palette', craftPng({ width: 4, height: 4, colourType: 3 })],
    ['a bit depth its colour type does not allow', craftPng({ width: 4, height: 4, colourType: 2, depth: 4 })],
    ['an interlaced image too small for every pass', craftPng({ width: 3, height: 3, interlaced: true })],
    ['pixels past the limit', craftPng({ width: 4097, height: 4097, idat: deflateSync(Buffer.alloc(10)) })],
    ['the header not first', Buffer.concat([SIGNATURE, ok.subarray(33)])],
    ['a chunk longer than the file', Buffer.concat([ok.subarray(0, ok.length - 20)])],
    ['not a PNG', Buffer.from('GIF89a not a png at all, long enough to have chunks')],
  ];
  for (const [label, png] of broken) it(`refuses ${label}`, async () => expect(await isDrawablePng(png)).toBe(false));

  it('stops unpacking at the size the header promises (a zlib bomb is not inflated to its end)', async () => {
    const bomb = craftPng({ width: 64, height: 64, idat: deflateSync(Buffer.alloc(MAX_PNG_UNPACKED_BYTES)) });
    expect(await isDrawablePng(bomb)).toBe(false);
  });
});
