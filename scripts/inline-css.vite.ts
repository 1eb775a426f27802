import type { Plugin } from 'vite';

/**
 * Puts the app's stylesheet inside index.html (a <style> element in place of the <link>): the
 * first paint waits for no second request. The CSS is small (Tailwind, only the classes used) and
 * index.html travels compressed; the Content Security Policy allows inline styles
 * (src/server/http/security.plugin.ts). The .css file stays in the build for anything that links it.
 */
export function inlineCss(): Plugin {
  return {
    name: 'portico:inline-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((file) => file.type === 'asset' && file.fileName === 'index.html');
      if (html?.type !== 'asset') return;
      let source = String(html.source);
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${file.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
        const css = String(file.source).replaceAll('</style', '<\\/style');
        // The disabled <link> is never fetched; it tells Vite's preload helper that the stylesheet
        // is already on the page, so a lazy chunk that depends on it does not fetch it again.
        source = source.replace(link, () => `<style>${css}</style><link rel="stylesheet" href="/${file.fileName}" disabled>`);
      }
      html.source = source;
    },
  };
}
