import { MAX_SIGNATURE_BYTES, sitePhotoMimeTypes } from '../../../shared/domain/site-work.ts';
import { badField } from '../../lib/errors.ts';
import { isDrawablePng } from '../../lib/png.check.ts';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** True when the bytes start with the PNG file signature (and hold at least the IHDR chunk's header). */
export function isPng(bytes: Buffer): boolean {
  return bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_MAGIC) && bytes.subarray(12, 16).toString('latin1') === 'IHDR';
}

/**
 * A signature sent as base64 (optionally a `data:image/png;base64,` URL): its bytes, or a 400 on
 * the field when it is not base64, over 1 MB decoded, or not a PNG the job report can draw
 * (checked through, pixel data included: see src/server/lib/png.check.ts).
 */
export async function decodeSignaturePng(field: string, value: string): Promise<Buffer> {
  const body = value.replace(/^data:image\/png;base64,/, '').replace(/\s+/g, '');
  if (!BASE64.test(body) || body.length % 4 === 1) throw badField(field, 'The signature must be a PNG image, base64-encoded.');
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES) throw badField(field, 'The signature is larger than 1 MB.');
  if (!isPng(bytes)) throw badField(field, 'The signature must be a PNG image.');
  if (!(await isDrawablePng(bytes))) throw badField(field, 'The signature is a damaged PNG image; sign again.');
  return bytes;
}

/** A photo's type, as detected from its bytes when it was uploaded: JPEG, PNG, WebP or HEIC/HEIF. */
export function isSitePhotoMime(mime: string): boolean {
  return (sitePhotoMimeTypes as readonly string[]).includes(mime);
}

/** The types pdfkit can embed (the report shows these photos; others are listed by name). */
export function isEmbeddableImage(mime: string): boolean {
  return mime === 'image/jpeg' || mime === 'image/png';
}
