import { crc32, inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { drawScenePng, drawScrawlPng, encodePng } from './png.encode.ts';

/** The chunks of a PNG: type, data, and whether the stored CRC is Node's CRC-32 of type and data. */
function chunksOf(png: Buffer) {
  const out: Array<{ type: string; data: Buffer; crcOk: boolean }> = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const crcOk = png.readUInt32BE(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length));
    out.push({ type: png.subarray(at + 4, at + 8).toString('latin1'), data: png.subarray(at + 8, at + 8 + length), crcOk });
    at += 12 + length;
  }
  return out;
}

describe('encodePng', () => {
  it('writes a PNG whose header, pixels and checksums a reader accepts', () => {
    const png = encodePng(3, 2, (x, y) => [x * 80, y * 100, 7, 255]);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const chunks = chunksOf(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(chunks[0]!.data.readUInt32BE(0)).toBe(3);
    expect(chunks[0]!.data.readUInt32BE(4)).toBe(2);
    const raw = inflateSync(chunks[1]!.data);
    expect([...raw.subarray(0, 1 + 12)]).toEqual([0, 0, 0, 7, 255, 80, 0, 7, 255, 160, 0, 7, 255]);
    // pdfkit (what the job report embeds with) reads it
    const doc = new PDFDocument();
    for (const picture of [png, drawScenePng(40, 30, 1), drawScrawlPng(60, 20, 2)])
      expect(() => doc.image(picture, 0, 0, { fit: [50, 50] })).not.toThrow();
    doc.end();
  });

  it('refuses sizes that are not whole, positive and bounded', () => {
    expect(() => encodePng(0, 1, () => [0, 0, 0, 0])).toThrow(RangeError);
    expect(() => encodePng(1.5, 1, () => [0, 0, 0, 0])).toThrow(RangeError);
    expect(() => encodePng(5000, 5000, () => [0, 0, 0, 0])).toThrow(RangeError);
  });
});
