import type { InfiniteData } from '@tanstack/react-query';

/** One page of a list from the API: keyset paging, the next page asked for with `nextCursor`. */
export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

/** The server's default page size; every list asks for pages of this many rows. */
export const PAGE_SIZE = 50;

/** The options every paged list passes to `useInfiniteQuery`: start at the first page, follow nextCursor. */
export const keysetPaging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined,
};

/** The pages loaded so far as one list (with the first page's other fields, e.g. abilities or counts). */
export function joinPages<P extends Paged<unknown>>(data: InfiniteData<P, string | undefined>): P {
  const [first] = data.pages;
  return { ...(first as P), items: data.pages.flatMap((page) => page.items) as P['items'] };
}
