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

/** The chunks `roots` name and every chunk they import statically, imports first (the order they run), without repeats. */
export function withStaticImports(chunks: readonly ChunkLike[], roots: readonly string[]): string[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
    files.push(file);
  };
  for (const root of roots) visit(root);
  return files;
}

/** The chunk of `moduleSuffix` with its static imports (withStaticImports); a build without it is refused. */
export function chunksOf(chunks: readonly ChunkLike[], moduleSuffix: string): string[] {
  const root = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(moduleSuffix));
  if (!root) throw new Error(`the build has no chunk for ${moduleSuffix}`);
  return withStaticImports(chunks, [root.fileName]);
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
  // The entry's script comes first and its preloads after it: the links go after the last of these.
  const last = [...html.matchAll(/<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>/g)].at(-1);
  if (!last) throw new Error('index.html has no entry script to put the preloads after');
  const anchor = last.index + last[0].length;
  return `${html.slice(0, anchor)}\n    ${links}${html.slice(anchor)}`;
}
