/** `%text%` for ILIKE, with the pattern characters of the text (`\`, `%`, `_`) escaped: a search for the text as typed. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
