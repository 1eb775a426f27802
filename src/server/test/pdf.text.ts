import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The text of a PDF, page by page, with pdfjs-dist (Mozilla's PDF.js): what a person reading the
 * document sees, used by tests and end-to-end journeys to check generated documents.
 */
/** Node 20 (this machine's) lacks Promise.withResolvers, which PDF.js uses; Node 22 and later have it. */
function ensureWithResolvers(): void {
  const promise = Promise as unknown as { withResolvers?: () => unknown };
  promise.withResolvers ??= () => {
    let resolve: unknown;
    let reject: unknown;
    const created = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: created, resolve, reject };
  };
}

export async function extractPdfText(bytes: Uint8Array): Promise<string[]> {
  ensureWithResolvers();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, verbosity: 0 });
  const document = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  await task.destroy();
  return pages;
}
