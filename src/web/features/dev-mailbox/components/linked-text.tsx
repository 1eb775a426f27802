const urlPattern = /https?:\/\/[^\s<>"')\]]+/g;

interface Segment {
  at: number;
  text: string;
  isLink: boolean;
}

/** Splits text into plain runs and URLs, each keyed by where it starts. */
export function splitLinks(text: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index ?? 0;
    if (start > at) segments.push({ at, text: text.slice(at, start), isLink: false });
    segments.push({ at: start, text: match[0], isLink: true });
    at = start + match[0].length;
  }
  if (at < text.length) segments.push({ at, text: text.slice(at), isLink: false });
  return segments;
}

/** Plain text with its URLs made clickable. Never renders HTML. */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((segment) =>
        segment.isLink ? (
          <a key={segment.at} href={segment.text} className="font-medium text-blue-700 underline underline-offset-2 break-all">
            {segment.text}
          </a>
        ) : (
          <span key={segment.at}>{segment.text}</span>
        ),
      )}
    </>
  );
}
