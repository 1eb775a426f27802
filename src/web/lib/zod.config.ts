import { config } from 'zod/v4/core';

// Zod probes `new Function` when a schema is built, to compile fast parsers. Our Content Security
// Policy forbids eval: the probe fails quietly but the browser logs a CSP violation on every page
// with a form. In the browser Zod runs without that probe. Imported first by main.tsx.
config({ jitless: true });
