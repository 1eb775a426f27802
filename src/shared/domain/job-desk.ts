/*
 * The contractor's desk view (the jobs table): its sorts and bounds, without Zod, so the web's
 * URL handling (src/web/app/desk.search.ts) stays out of the app's first chunk.
 */

/** The columns the table may be sorted on; each is a keyset (key…, id) served by an index. */
export const deskSorts = ['due', 'scheduled', 'status', 'organization', 'site', 'priority', 'po', 'created'] as const;
export type DeskSort = (typeof deskSorts)[number];

export const deskSortLabels: Record<DeskSort, string> = {
  due: 'Due date',
  scheduled: 'Scheduled date',
  status: 'Status',
  organization: 'Organization',
  site: 'Site',
  priority: 'Priority',
  po: 'PO number',
  created: 'Created',
};

/** Most rows one bulk request may touch ("all N that match" included): above it, narrow the filter. */
export const DESK_BULK_MAX = 5000;
/** The count of matching rows stops here: the table says "10,000+". */
export const DESK_COUNT_CAP = 10_000;
