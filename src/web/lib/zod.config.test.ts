import { describe, expect, it } from 'vitest';
import './zod.config.ts';

describe('the browser’s Zod settings', () => {
  it('are the ones Zod reads: parsers are built without `new Function` (the CSP forbids eval)', async () => {
    const { config } = await import('zod/v4/core');
    expect(config().jitless).toBe(true);
    // And a schema built now still parses.
    const { z } = await import('zod');
    expect(z.object({ n: z.number() }).parse({ n: 1 })).toEqual({ n: 1 });
  });
});
