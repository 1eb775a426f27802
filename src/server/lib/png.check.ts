import { createInflate } from 'node:zlib';

/**
 * Whether a PNG can be drawn into a PDF: pdfkit (through png-js) unpacks the pixels of a PNG with
 * alpha, with a transparent palette or interlaced, inside a zlib callback when the document ends,
 * where nothing can catch what it throws. A PNG whose header or pixel data is broken (a bad zlib
 * stream, a row filter that does not exist, a size no array can hold) would end the process. So
 * every PNG is read through here first, the way png-js will read it, without keeping its pixels:
 * its chunks, its header, and its pixel data unpacked in zlib's thread pool row by row.
 */

/** The most pixel data a drawn PNG may unpack to (a 12-megapixel photo with alpha is 48 MB). */
export const MAX_PNG_UNPACKED_BYTES = 64 * 1024 * 1024;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Per colour type: its channels and the bit depths the PNG specification allows for it. */
export const colourTypes: Record<number, { channels: number; depths: readonly number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/** Adam7's passes: first column, first row, column step, row step. */
export const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

interface PngLayout {
  /** The pixel data (the IDAT chunks, in order). */
  data: Buffer[];
  /** Each pass's rows (one pass unless interlaced): how many, and the bytes of each, its filter byte included. */
  passes: Array<{ rows: number; rowBytes: number }>;
}

/** The chunks and header of a PNG, checked as png-js reads them; null when they are broken or not what it can unpack. */
function readLayout(bytes: Buffer): PngLayout | null {
  if (bytes.length < 8 + 25 + 12 || !bytes.subarray(0, 8).equals(SIGNATURE)) return null;
  const data: Buffer[] = [];
  let header: { width: number; height: number; depth: number; colourType: number; interlaced: boolean } | null = null;
  let palette = false;
  let ended = false;
  for (let at = 8; at + 12 <= bytes.length && !ended; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (length > 0x7fffffff || body.length !== length || at + 12 + length > bytes.length) return null;
    if ((at === 8) !== (type === 'IHDR')) return null;
    if (type === 'IHDR') {
      if (length !== 13) return null;
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8]!,
        colourType: body[9]!,
        interlaced: body[12] === 1,
      };
      if (body[10] !== 0 || body[11] !== 0 || body[12]! > 1) return null;
    } else if (type === 'PLTE') palette = length > 0 && length % 3 === 0 && length <= 768;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!header || !ended || data.length === 0) return null;
  const { width, height, depth, colourType, interlaced } = header;
  const kind = colourTypes[colourType];
  if (kind === undefined) return null;
  if (!kind.depths.includes(depth) || width === 0 || height === 0) return null;
  if (colourType === 3 && !palette) return null;
  const bitsPerPixel = kind.channels * depth;
  // An interlaced image under 5 × 5 has empty passes, which png-js reads rows from all the same.
  if (interlaced && (width < 5 || height < 5)) return null;
  if (width * height * (bitsPerPixel / 8) > MAX_PNG_UNPACKED_BYTES) return null;
  const passes = (interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const)).map(([x0, y0, dx, dy]) => {
    const columns = Math.ceil((width - x0) / dx);
    return { rows: Math.ceil((height - y0) / dy), rowBytes: 1 + Math.ceil((columns * bitsPerPixel) / 8) };
  });
  return { data, passes };
}

/** Whether the PNG's pixel data unpacks to exactly its rows, each with a filter PNG defines (0 to 4). */
function unpacksCleanly({ data, passes }: PngLayout): Promise<boolean> {
  const expected = passes.reduce((sum, p) => sum + p.rows * p.rowBytes, 0);
  return new Promise((resolve) => {
    const inflate = createInflate();
    let seen = 0;
    let pass = 0;
    let row = 0;
    /** Bytes left in the current row (0: the next byte is a row's filter). */
    let left = 0;
    const fail = () => {
      inflate.destroy();
      resolve(false);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (seen + chunk.length > expected) return fail();
      seen += chunk.length;
      for (let i = 0; i < chunk.length; ) {
        if (left === 0) {
          while (pass < passes.length && row >= passes[pass]!.rows) {
            pass++;
            row = 0;
          }
          if (chunk[i]! > 4) return fail();
          left = passes[pass]!.rowBytes - 1;
          row++;
          i++;
        } else {
          const step = Math.min(left, chunk.length - i);
          left -= step;
          i += step;
        }
      }
    });
    inflate.on('error', () => resolve(false));
    inflate.on('end', () => resolve(seen === expected && left === 0));
    for (const part of data) inflate.write(part);
    inflate.end();
  });
}

/** Whether pdfkit can draw these bytes as a PNG without failing where nothing catches it (see above). */
export async function isDrawablePng(bytes: Buffer): Promise<boolean> {
  const layout = readLayout(bytes);
  return layout !== null && (await unpacksCleanly(layout));
}

/**
 * Whether pdfkit may be handed these bytes as an image. It takes them for a PNG on their first
 * four bytes: those must then be a drawable PNG. Anything else (a JPEG, bytes of no known type)
 * fails, if at all, while the image is placed, where the caller catches it.
 */
export async function isSafeToDraw(bytes: Buffer): Promise<boolean> {
  const takenForPng = bytes[0] === 0x89 && bytes.toString('latin1', 1, 4) === 'PNG';
  return !takenForPng || (await isDrawablePng(bytes));
}
