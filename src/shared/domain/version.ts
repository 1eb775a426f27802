/**
 * Editable records carry a `version`, bumped by every edit and status change. Its ETag is the
 * strong entity tag `"<version>"`: the server sends it, and an edit sends it back in If-Match.
 */
export function etagOf(version: number): string {
  return `"${version}"`;
}
