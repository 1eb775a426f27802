/**
 * The new part of a reply: what the person wrote above the quoted history. Mail clients mark the
 * history in a few common ways; the first of these lines ends the reply:
 *   "On Tue, 1 Dec 2026 at 09:12, Portico <…> wrote:" (also split over two lines, and a few languages),
 *   "-----Original Message-----", an Outlook header block ("From: …" then "Sent:"/"Date:"),
 *   a line of underscores, and the signature separator "-- ".
 * Lines quoted with '>' are dropped wherever they are.
 */
const attribution = /^(on\s.+\bwrote|le\s.+\ba écrit|am\s.+\bschrieb|el\s.+\bescribió|op\s.+\bschreef)\s*:\s*$/i;
const attributionStart = /^(on|le|am|el|op)\s/i;
const attributionEnd = /\b(wrote|a écrit|schrieb|escribió|schreef)\s*:\s*$/i;
const separators = [/^-{2,}\s*original message\s*-{2,}\s*$/i, /^-{2,}\s*forwarded message\s*-{2,}\s*$/i, /^_{5,}\s*$/, /^--\s?$/];
const outlookHeader = /^\*?(from|von|de)\s*:\*?\s/i;
const outlookNext = /^\*?(sent|date|to|gesendet|envoyé|an|à)\s*:\*?\s/i;

/** Where the quoted history starts (a line index), or the number of lines when there is none. */
function historyStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const next = (lines[i + 1] ?? '').trim();
    if (attribution.test(line)) return i;
    if (attributionStart.test(line) && !attributionEnd.test(line) && attributionEnd.test(next) && line.length + next.length < 300) return i;
    if (separators.some((s) => s.test(lines[i]!.trimEnd()))) return i;
    if (outlookHeader.test(line) && outlookNext.test(next)) return i;
  }
  return lines.length;
}

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept = lines.slice(0, historyStart(lines)).filter((line) => !/^\s*>/.test(line));
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
