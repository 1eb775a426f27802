import { deflateSync } from 'node:zlib';

/**
 * A small PNG encoder (8-bit RGBA, no interlace): pictures Portico draws itself, such as the demo
 * data's site photos and signatures, without an image library.
 */

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: its length, type, data and CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export type Rgba = readonly [number, number, number, number];

/** Encodes width × height pixels, each given by `pixel(x, y)` as [r, g, b, a] in 0..255. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width * height > 16_000_000)
    throw new RangeError('encodePng: width and height must be whole numbers from 1, at most 16 megapixels');
  const raw = Buffer.alloc(height * (width * 4 + 1));
  let offset = 0;
  for (let y = 0; y < height; y++) {
    raw[offset++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw[offset++] = r;
      raw[offset++] = g;
      raw[offset++] = b;
      raw[offset++] = a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A signature-like scrawl: a dark stroke along a wavy line on a transparent background. */
export function drawScrawlPng(width: number, height: number, seed: number): Buffer {
  const amplitude = height / 4;
  return encodePng(width, height, (x, y) => {
    const t = x / width;
    const center = height / 2 + amplitude * Math.sin(t * Math.PI * (3 + (seed % 3)) + seed) * Math.cos(t * Math.PI);
    return Math.abs(y - center) < 1.6 && x > width * 0.05 && x < width * 0.95 ? [20, 30, 90, 255] : [255, 255, 255, 0];
  });
}

/** A photo-like picture: a sky-to-ground gradient with a box (a panel, a unit) in a colour from the seed. */
export function drawScenePng(width: number, height: number, seed: number): Buffer {
  const hue = [
    [200, 60, 50],
    [60, 140, 70],
    [230, 170, 40],
    [90, 90, 200],
  ][seed % 4]!;
  return encodePng(width, height, (x, y) => {
    const inBox = x > width * 0.3 && x < width * 0.7 && y > height * 0.35 && y < height * 0.8;
    if (inBox) return [hue[0]!, hue[1]!, hue[2]!, 255];
    const sky = y < height * 0.55;
    const shade = Math.round((y / height) * 60);
    return sky ? [150 - shade, 190 - shade, 235, 255] : [120 + shade, 110 + shade, 95, 255];
  });
}
