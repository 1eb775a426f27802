import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { inlineCss } from './scripts/inline-css.vite.ts';
import { precompress } from './scripts/precompress.vite.ts';
import { techServiceWorker } from './scripts/tech-sw.vite.ts';

const api = 'http://localhost:3000';

export default defineConfig({
  root: 'src/web',
  plugins: [react(), tailwindcss(), inlineCss(), techServiceWorker(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Read by scripts/bundle-budget.mjs: which chunks each page loads.
    manifest: true,
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
