import { describe, expect, it } from 'vitest';
import { APP_HTML, APP_SHELL_MODULE, appPageOf, chunksOf, withModulePreloads } from './app-html.ts';

const chunks = [
  { fileName: 'assets/index-1.js', imports: ['assets/react-2.js'], facadeModuleId: '/repo/src/web/main.tsx' },
  { fileName: 'assets/react-2.js', imports: [] },
  { fileName: 'assets/tanstack-3.js', imports: ['assets/react-2.js'] },
  { fileName: 'assets/app.boot-4.js', imports: ['assets/tanstack-3.js', 'assets/react-2.js'] },
  {
    fileName: 'assets/shell.layout-5.js',
    imports: ['assets/app.boot-4.js', 'assets/tanstack-3.js'],
    facadeModuleId: `/repo/${APP_SHELL_MODULE}`,
  },
  { fileName: 'assets/unrelated-6.js', imports: [], facadeModuleId: '/repo/src/web/features/x.tsx' },
  { fileName: 'assets/page-7.js', imports: ['assets/shell.layout-5.js', 'assets/part-8.js'], facadeModuleId: '/repo/src/web/app/page.tsx' },
  { fileName: 'assets/part-8.js', imports: ['assets/react-2.js'] },
];

const index = [
  '<head>',
  '<script type="module" crossorigin src="/assets/index-1.js"></script>',
  '<link rel="modulepreload" crossorigin href="/assets/react-2.js">',
  '<style>body{}</style>',
  '</head>',
].join('\n');

describe("the app's page (app.html)", () => {
  it("lists the shell's chunk after everything it imports, each once, and nothing it does not import", () => {
    expect(chunksOf(chunks, [APP_SHELL_MODULE])).toEqual([
      'assets/react-2.js',
      'assets/tanstack-3.js',
      'assets/app.boot-4.js',
      'assets/shell.layout-5.js',
    ]);
  });

  it('lists several modules with their imports together, each file once', () => {
    expect(chunksOf(chunks, [APP_SHELL_MODULE, 'src/web/app/page.tsx'])).toEqual([
      'assets/react-2.js',
      'assets/tanstack-3.js',
      'assets/app.boot-4.js',
      'assets/shell.layout-5.js',
      'assets/part-8.js',
      'assets/page-7.js',
    ]);
  });

  it("gives a technician's job its own page and every other address app.html", () => {
    expect(appPageOf('/tech/jobs/0b6b1c2e-1d7e-4a57-9a3e-0c5f3d1e2a4b').file).toBe('tech-job.html');
    expect(appPageOf('/tech/jobs/abc/').file).toBe('tech-job.html');
    for (const pathname of ['/', '/tech/jobs', '/tech/jobs/', '/tech/jobs/abc/more', '/app/jobs/abc', '/portal/home'])
      expect(appPageOf(pathname).file, pathname).toBe(APP_HTML);
  });

  it('refuses a build without the shell (a renamed module would otherwise preload nothing, silently)', () => {
    expect(() => chunksOf(chunks, [APP_SHELL_MODULE, 'src/web/app/gone.tsx'])).toThrow(/no chunk for src\/web\/app\/gone.tsx/);
  });

  it('preloads each file index.html does not load yet, at low priority, after its own preloads and before the styles', () => {
    const html = withModulePreloads(index, chunksOf(chunks, [APP_SHELL_MODULE]));
    const links = [...html.matchAll(/<link rel="modulepreload" crossorigin (?:fetchpriority="(low)" )?href="([^"]+)">/g)].map(
      (m) => `${m[2]} ${m[1] ?? 'default'}`,
    );
    expect(links).toEqual([
      '/assets/react-2.js default',
      '/assets/tanstack-3.js low',
      '/assets/app.boot-4.js low',
      '/assets/shell.layout-5.js low',
    ]);
    expect(html.indexOf('shell.layout-5.js')).toBeLessThan(html.indexOf('<style>'));
    expect(
      html.replace(
        /\n\s*<link rel="modulepreload" crossorigin fetchpriority="low" href="\/assets\/(tanstack-3|app\.boot-4|shell\.layout-5)\.js">/g,
        '',
      ),
    ).toBe(index);
  });

  it('leaves a page that already loads every file as it is', () => {
    expect(withModulePreloads(index, ['assets/react-2.js', 'assets/index-1.js'])).toBe(index);
  });
});
