import { createElement, Fragment, type ReactNode, useMemo } from 'react';

/** Tags kept, and what they become: headings move one level down, under the section's own h2. */
const tags: Record<string, string> = {
  p: 'p',
  br: 'br',
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  u: 'u',
  s: 's',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  h2: 'h3',
  h3: 'h4',
  h4: 'h5',
  blockquote: 'blockquote',
  code: 'code',
  pre: 'pre',
  a: 'a',
};

function safeHref(value: string | null): string | undefined {
  if (!value) return undefined;
  return /^(https?:|mailto:)/i.test(value.trim()) ? value.trim() : undefined;
}

function toReact(node: Node, key: string): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const children = Array.from(element.childNodes).map((child, index) => toReact(child, `${key}.${index}`));
  const tag = tags[element.tagName.toLowerCase()];
  // Anything not on the list keeps its text, never its markup or attributes.
  if (!tag) return createElement(Fragment, { key }, ...children);
  if (tag === 'br') return createElement('br', { key });
  if (tag === 'a') {
    const href = safeHref(element.getAttribute('href'));
    if (!href) return createElement(Fragment, { key }, ...children);
    return createElement('a', { key, href, target: '_blank', rel: 'noopener noreferrer nofollow' }, ...children);
  }
  return createElement(tag, { key }, ...children);
}

/**
 * Shows rich text (the server keeps only a small allow-list of HTML) as React elements, so
 * nothing from it is ever parsed into the live page as markup.
 */
export function RichText({ html, className = '' }: { html: string; className?: string }) {
  const content = useMemo(() => {
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    return Array.from(doc.body.childNodes).map((node, index) => toReact(node, String(index)));
  }, [html]);
  return (
    <div
      className={`max-w-prose break-words text-slate-800 [&_a]:text-blue-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_h3]:mt-2 [&_h3]:font-semibold [&_h4]:font-semibold [&_h5]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-2 [&_pre]:overflow-x-auto [&_pre]:whitespace-pre-wrap [&_ul]:list-disc ${className}`.trim()}
    >
      {content}
    </div>
  );
}
