/**
 * The signed-in app's page: index.html with the app's own code (the router, the data layer, the
 * shell and what they import) announced in <link rel="modulepreload">, so a browser fetches it
 * beside React instead of after the entry has run (one round trip less before a signed-in page
 * can render; a technician's job page on a slow phone network: LCP ~3.1 → ~2.9 s in Lighthouse).
 * /sign-in keeps index.html, which loads only React and the sign-in page (its JavaScript budget,
 * scripts/bundle-budget.mjs). Written by the web build (scripts/app-html.vite.ts), served by
 * static.plugin.ts for every other page.
 */
export const APP_HTML = 'app.html';

/** The module in src/web whose chunk, with its static imports, the app's page preloads. */
export const APP_SHELL_MODULE = 'src/web/app/shell.layout.tsx';

/** A chunk as the bundler gives it: its file, the files it imports statically, the module it stands for. */
export interface ChunkLike {
  fileName: string;
  imports: readonly string[];
  facadeModuleId?: string | null;
}

/** The chunk of `moduleSuffix` and every chunk it imports statically, imports first (the order they run), without repeats. */
export function chunksOf(chunks: readonly ChunkLike[], moduleSuffix: string): string[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const root = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(moduleSuffix));
  if (!root) throw new Error(`the build has no chunk for ${moduleSuffix}`);
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
    files.push(file);
  };
  visit(root.fileName);
  return files;
}

/**
 * index.html with a modulepreload link for each file it does not already load, placed after the
 * entry's own preloads (before the inline stylesheet, so the requests start before it is parsed).
 */
export function withModulePreloads(html: string, files: readonly string[]): string {
  const links = files
    .filter((file) => !html.includes(`"/${file}"`))
    .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
    .join('\n    ');
  if (!links) return html;
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*>/g)];
  const last = preloads.at(-1);
  const anchor = last ? (last.index ?? 0) + last[0].length : html.search(/<\/script>/) + '</script>'.length;
  if (anchor < 0 || (!last && !html.includes('</script>'))) throw new Error('index.html has no entry script to put the preloads after');
  return `${html.slice(0, anchor)}\n    ${links}${html.slice(anchor)}`;
}
