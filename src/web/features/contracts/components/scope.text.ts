/*
 * The scope is rich text on the server (a small allow-list of HTML). It is edited here as plain
 * text with two conventions people already know: a blank line starts a new paragraph, and lines
 * starting with "- " (or "1. ") make a bulleted (or numbered) list.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const bullet = /^\s*[-*•]\s+/;
const numbered = /^\s*\d+[.)]\s+/;

/** Plain text → paragraphs and lists. */
export function textToHtml(text: string): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return blocks
    .map((block) => {
      const lines = block.split('\n').map((line) => line.trim());
      if (lines.every((line) => bullet.test(line)))
        return `<ul>${lines.map((l) => `<li>${escapeHtml(l.replace(bullet, ''))}</li>`).join('')}</ul>`;
      if (lines.every((line) => numbered.test(line)))
        return `<ol>${lines.map((l) => `<li>${escapeHtml(l.replace(numbered, ''))}</li>`).join('')}</ol>`;
      return `<p>${lines.map(escapeHtml).join('<br>')}</p>`;
    })
    .join('');
}

/** Rich text → the plain text that `textToHtml` turns back into the same structure. */
export function htmlToText(html: string): string {
  if (!html.trim()) return '';
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const blocks: string[] = [];
  const inline = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/\s+/g, ' ');
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const element = node as Element;
    if (element.tagName === 'BR') return '\n';
    return Array.from(element.childNodes).map(inline).join('');
  };
  for (const node of Array.from(doc.body.childNodes)) {
    if (node.nodeType === Node.ELEMENT_NODE && ['UL', 'OL'].includes((node as Element).tagName)) {
      const ordered = (node as Element).tagName === 'OL';
      const items = Array.from((node as Element).children).filter((child) => child.tagName === 'LI');
      blocks.push(items.map((item, index) => `${ordered ? `${index + 1}.` : '-'} ${inline(item).trim()}`).join('\n'));
    } else {
      const text = inline(node)
        .split('\n')
        .map((line) => line.trim())
        .join('\n')
        .trim();
      if (text) blocks.push(text);
    }
  }
  return blocks.join('\n\n');
}
