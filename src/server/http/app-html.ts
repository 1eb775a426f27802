import { techJobIdOf } from '../../shared/tech-job.path.ts';

/**
 * The signed-in app's pages: index.html with the app's own code (the router, the data layer, the
 * shell and what they import) announced in <link rel="modulepreload">, so a browser fetches it
 * beside React instead of after the entry has run (one round trip less before a signed-in page
 * can render; a technician's job page on a slow phone network: LCP ~3.1 → ~2.9 s in Lighthouse).
 * A technician's job page (tech-job.html) also preloads that page's own code, which otherwise
 * waits for the router to run. /sign-in keeps index.html, which loads only React and the sign-in
 * page (its JavaScript budget, scripts/bundle-budget.mjs). Written by the web build
 * (scripts/app-html.vite.ts), served by static.plugin.ts for every other page.
 */
export const APP_HTML = 'app.html';

/** The module in src/web whose chunk, with its static imports, every app page preloads. */
export const APP_SHELL_MODULE = 'src/web/app/shell.layout.tsx';

/** A page the build writes: its file, the modules it preloads (with their static imports), the addresses it serves. */
export interface AppPage {
  file: string;
  modules: readonly string[];
  serves(pathname: string): boolean;
}

/** The app's pages, the most specific first: the first that serves an address is its page. */
export const APP_PAGES: readonly AppPage[] = [
  {
    // The page a technician opens on a phone, often on a slow network: the job, its site work and the offline part.
    file: 'tech-job.html',
    modules: [APP_SHELL_MODULE, 'src/web/app/tech-job.parts.ts', 'src/web/features/site-work/offline/tech-offline.tsx'],
    serves: (pathname) => techJobIdOf(pathname) !== null,
  },
  { file: APP_HTML, modules: [APP_SHELL_MODULE], serves: () => true },
];

/** The page for a (not sign-in) address: the first of APP_PAGES that serves it. */
export function appPageOf(pathname: string): AppPage {
  return APP_PAGES.find((page) => page.serves(pathname)) ?? (APP_PAGES.at(-1) as AppPage);
}

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

/** The chunks of `moduleSuffixes` with their static imports (withStaticImports); a build without one of them is refused. */
export function chunksOf(chunks: readonly ChunkLike[], moduleSuffixes: readonly string[]): string[] {
  const roots = moduleSuffixes.map((suffix) => {
    const root = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(suffix));
    if (!root) throw new Error(`the build has no chunk for ${suffix}`);
    return root.fileName;
  });
  return withStaticImports(chunks, roots);
}

/**
 * index.html with a modulepreload link for each file it does not already load, placed after the
 * entry's own preloads (before the inline stylesheet, so the requests start before it is parsed).
 * Each is fetched at low priority: the entry and what it imports (React) come first, and the page
 * paints its header before these arrive. At the default (high) priority they arrived with the
 * entry and the first paint waited for them to be handled (Lighthouse mobile, technician's job
 * page, 10 runs each: observed first paint ~140 → ~100 ms, score 92–97 → 96–98).
 */
export function withModulePreloads(html: string, files: readonly string[]): string {
  const links = files
    .filter((file) => !html.includes(`"/${file}"`))
    .map((file) => `<link rel="modulepreload" crossorigin fetchpriority="low" href="/${file}">`)
    .join('\n    ');
  if (!links) return html;
  // The entry's script comes first and its preloads after it: the links go after the last of these.
  const last = [...html.matchAll(/<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>/g)].at(-1);
  if (!last) throw new Error('index.html has no entry script to put the preloads after');
  const anchor = last.index + last[0].length;
  return `${html.slice(0, anchor)}\n    ${links}${html.slice(anchor)}`;
}
