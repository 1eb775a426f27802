import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('makes http(s) addresses links and leaves the rest as text', () => {
    expect(linkify('See https://example.test/a?b=1. Thanks')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.test/a?b=1', href: 'https://example.test/a?b=1' },
      { kind: 'text', text: '. Thanks' },
    ]);
  });

  it('never links javascript: or data: addresses, and keeps tags as text', () => {
    const body = '<script>alert(1)</script> javascript:alert(1) data:text/html,<b>x</b> <img src=x onerror=alert(2)>';
    expect(linkify(body)).toEqual([{ kind: 'text', text: body }]);
  });

  it('stops an address at a quote or an angle bracket', () => {
    expect(linkify('<a href="http://evil.test/x">')).toEqual([
      { kind: 'text', text: '<a href="' },
      { kind: 'link', text: 'http://evil.test/x', href: 'http://evil.test/x' },
      { kind: 'text', text: '">' },
    ]);
  });
});
