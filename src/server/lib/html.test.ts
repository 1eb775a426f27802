import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from './html.ts';

describe('sanitizeRichText', () => {
  it('keeps formatting and drops scripts, handlers and dangerous links', async () => {
    const dirty =
      '<h2>Scope</h2><p onclick="x()">Build <strong>it</strong><script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)><a href="https://example.com">ok</a>';
    const clean = await sanitizeRichText(dirty);
    expect(clean).toContain('<h2>Scope</h2>');
    expect(clean).toContain('<strong>it</strong>');
    expect(clean).not.toMatch(/script|onclick|onerror|javascript:|<img/);
    expect(clean).toContain('href="https://example.com"');
  });
});
