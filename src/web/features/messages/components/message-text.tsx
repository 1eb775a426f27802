import { linkify } from './linkify.ts';

/** A message's text as written: line breaks kept, http(s) addresses as links, nothing ever rendered as HTML. */
export function MessageText({ body }: { body: string }) {
  return (
    <p className="break-words whitespace-pre-wrap text-slate-900">
      {linkify(body).map((part, index) =>
        part.kind === 'link' ? (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
            key={index}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer"
            className="text-blue-700 underline underline-offset-2 hover:text-blue-900"
          >
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
