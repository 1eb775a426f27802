import { etagOf } from '../../shared/domain/version.ts';
import { AppError } from './errors.ts';

/**
 * Optimistic concurrency for editable records. Each carries a `version` integer, bumped by every
 * edit and status change. Responses send it as a strong ETag `"<version>"` (and `version` in the
 * body); a PATCH must send `If-Match` with the ETag it edited (`W/"<version>"` is taken too, and
 * `*` means "whatever is current"): none → 428 PRECONDITION_REQUIRED; another version → 412
 * STALE_VERSION with `details.currentVersion`.
 */

/** What an edit expects the record's version to be: a set of versions, any version (`*`), or not said. */
export type ExpectedVersion = { versions: number[] } | 'any' | null;

const entityTag = /^(?:W\/)?"(\d{1,9})"$/;

/** Parses the If-Match header (a list of entity tags, or `*`); one not made by us → 400. */
export function parseIfMatch(header: string | string[] | undefined): ExpectedVersion {
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (raw === undefined || raw.trim() === '') return null;
  if (raw.trim() === '*') return 'any';
  if (raw.length > 200) throw new AppError('BAD_REQUEST', 'If-Match is too long: send the one ETag you edited.');
  const versions = raw.split(',').map((tag) => {
    const match = entityTag.exec(tag.trim());
    if (!match)
      throw new AppError(
        'BAD_REQUEST',
        `If-Match: ${tag.trim().slice(0, 40)} is not an ETag of this API; send the ETag header of the record as you read it.`,
      );
    return Number(match[1]);
  });
  return { versions };
}

export function staleVersion(what: string, currentVersion: number): AppError {
  return new AppError(
    'STALE_VERSION',
    `${what} was changed by someone else since you opened it. Reload it and apply your changes again.`,
    { currentVersion },
    { etag: etagOf(currentVersion) },
  );
}

/** Refuses an edit that did not say which version it edited (428), or edited an older one (412). */
export function assertExpectedVersion(expected: ExpectedVersion, what: string, currentVersion: number): void {
  if (expected === null)
    throw new AppError(
      'PRECONDITION_REQUIRED',
      `Send If-Match with the ETag of ${what.toLowerCase()} as you read it, so no one's changes are lost.`,
    );
  if (expected !== 'any' && !expected.versions.includes(currentVersion)) throw staleVersion(what, currentVersion);
}

/** The versions an UPDATE may still match in its WHERE (compare-and-set); undefined when any goes. */
export function versionsToMatch(expected: ExpectedVersion): number[] | undefined {
  return expected === null || expected === 'any' ? undefined : expected.versions;
}
