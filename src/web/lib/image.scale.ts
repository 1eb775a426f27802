/** The long edge of a photo after scaling on the phone: enough to read a gauge or a label in a report. */
export const PHOTO_LONG_EDGE = 2000;
const JPEG_QUALITY = 0.85;

/** The size that fits `width × height` within `longEdge` on its longer side, keeping the ratio; never larger. */
export function fitWithin(width: number, height: number, longEdge = PHOTO_LONG_EDGE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= longEdge) return { width, height };
  const scale = longEdge / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** `site-photo.heic` → `site-photo.jpg`. */
export function jpegNameOf(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '') || 'photo';
  return `${base}.jpg`;
}

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the photo to scale it.');
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the photo to scale it.');
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be scaled.'))), 'image/jpeg', JPEG_QUALITY),
  );
}

/**
 * A camera photo made ready to send from a phone: turned upright (EXIF orientation), scaled so
 * its long edge is at most 2,000 px, and encoded as JPEG. A photo that is already a small enough
 * JPEG is sent as it is; a file the browser cannot decode is returned unchanged, so the server
 * answers with its reason (not an image → 400) instead of the phone failing silently.
 */
export async function scalePhoto(file: File, longEdge = PHOTO_LONG_EDGE): Promise<File> {
  if (typeof createImageBitmap !== 'function') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, longEdge);
    if (file.type === 'image/jpeg' && size.width === bitmap.width && size.height === bitmap.height) return file;
    const blob = await encodeJpeg(bitmap, size.width, size.height);
    return new File([blob], jpegNameOf(file.name), { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}
