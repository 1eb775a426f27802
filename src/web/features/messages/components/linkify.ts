/** A piece of a message: plain text, or a web address to show as a link. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const address = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence, not an address ("see https://x.test/a."). */
const trailing = /[.,;:!?)\]}]+$/;

/**
 * Splits a message into text and http(s) links. Only `http:` and `https:` become links (never
 * `javascript:` or `data:`); everything else stays text, shown by React as text, never as HTML.
 */
export function linkify(body: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of body.matchAll(address)) {
    const start = match.index ?? 0;
    const raw = match[0];
    const cut = raw.replace(trailing, '');
    let href: URL | null = null;
    try {
      href = new URL(cut);
    } catch {
      href = null;
    }
    if (!href || (href.protocol !== 'http:' && href.protocol !== 'https:')) continue;
    if (start > at) parts.push({ kind: 'text', text: body.slice(at, start) });
    parts.push({ kind: 'link', text: cut, href: href.href });
    at = start + cut.length;
  }
  if (at < body.length) parts.push({ kind: 'text', text: body.slice(at) });
  return parts;
}
