import type { Plugin } from 'vite';
import { APP_HTML, APP_SHELL_MODULE, chunksOf, withModulePreloads } from '../src/server/http/app-html.ts';

/**
 * Writes app.html beside index.html: the same page, with the signed-in app's code preloaded
 * (src/server/http/app-html.ts says why). Runs after inlineCss, so both pages carry the styles.
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
      const files = chunksOf(chunks, APP_SHELL_MODULE);
      this.emitFile({ type: 'asset', fileName: APP_HTML, source: withModulePreloads(String(index.source), files) });
    },
  };
}
