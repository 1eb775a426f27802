import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { appHtml } from './scripts/app-html.vite.ts';
import { inlineCss } from './scripts/inline-css.vite.ts';
import { precompress } from './scripts/precompress.vite.ts';
import { techServiceWorker } from './scripts/tech-sw.vite.ts';

const api = 'http://localhost:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react(), tailwindcss(), inlineCss(), appHtml(), techServiceWorker(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Read by scripts/bundle-budget.mjs: which chunks each page loads.
    manifest: true,
    // Every browser Portico supports preloads modules itself; the polyfill would weigh on every page.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Libraries that every page needs change less often than our code: their own chunks stay
        // cached across releases. Everything else (React Aria, forms, Zod, icons) is split by use,
        // so a page downloads only the parts it renders.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Router, Query and their stores: every page. Table and Virtual (the desk view) stay with the page that uses them.
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/](?!(react-table|table-core|react-virtual|virtual-core)[\\/])/ },
          ],
          // Automatic splitting leaves many common chunks of a few hundred bytes (an icon, a query
          // key, a badge), and a page fetched ~50 files. On HTTP/1.1 a browser has 6 connections
          // per server, so each ~6 files cost a round trip: a technician's job page took ~1 s more
          // to show on a slow mobile network (Lighthouse, LCP 4.7 → 3.7 s). Common chunks under
          // 16 KiB are copied into the chunks that use them instead (one module state all the
          // same: rolldown's runtime keeps one instance), which leaves ~15 files per page. Not
          // copied: styles (a chunk holding them stays a file), and lib/upload.ts, which the photo
          // panel and the offline queue share and a technician's job page loads both of.
          experimentalInlineCommonChunks: {
            maxSize: 16 * 1024,
            exclude: [/\.css(\?|$)/, /src[\\/]web[\\/]lib[\\/]upload\.ts$/],
          },
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: api },
      '/health': { target: api },
    },
  },
});
