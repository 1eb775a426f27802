import type { Plugin } from 'vite';
import { APP_PAGES, chunksOf, withModulePreloads } from '../src/server/http/app-html.ts';

/**
 * Writes the app's pages beside index.html (app.html, tech-job.html): the same page, with the
 * signed-in app's code preloaded (src/server/http/app-html.ts says why). Runs after inlineCss, so
 * every page carries the styles.
 */
export function appHtml(): Plugin {
  return {
    name: 'portico:app-html',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = Object.values(bundle).find((file) => file.type === 'asset' && file.fileName === 'index.html');
      if (index?.type !== 'asset') return;
      const chunks = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [file] : []));
      for (const page of APP_PAGES) {
        const source = withModulePreloads(String(index.source), chunksOf(chunks, page.modules));
        this.emitFile({ type: 'asset', fileName: page.file, source });
      }
    },
  };
}
