// Zod probes `new Function` when a schema is built, to compile fast parsers. Our Content Security
// Policy forbids eval: the probe fails quietly but the browser logs a CSP violation on every page
// with a form. In the browser Zod runs without that probe. Imported first by app/app.boot.tsx.
//
// Zod keeps its settings on `globalThis.__zod_globalConfig` (what `config()` from 'zod/v4/core'
// writes to). Writing there directly keeps Zod itself out of pages without forms: importing
// `config` drags in 3 KB gzip of Zod's core on every page. zod.config.test.ts checks that Zod
// reads this setting.
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true });
export {};
