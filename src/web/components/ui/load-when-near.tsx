import { type ReactNode, Suspense, useEffect, useRef, useState } from 'react';

/** How far below the screen the reader may be before the part loads (about a phone's thumb scroll). */
const AHEAD_PX = 200;
/** After this long with the page open, the part loads anyway, in the browser's next quiet moment. */
const QUIET_AFTER_MS = 3_000;

/**
 * A part far down a page whose code and first render wait until the reader scrolls near it, or
 * until the page has been open a few seconds (then in a quiet moment), so the top of the page
 * shows and answers sooner. `placeholder` stands in until then and while the code loads; the
 * children are usually a lazy component. The technician's job page uses it for the job's messages,
 * a screen and a half down on a phone (docs/architecture.md, "Loading only what a page needs").
 */
export function LoadWhenNear({ placeholder, children }: { placeholder: ReactNode; children: ReactNode }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near) return;
    const element = anchor.current;
    if (!element || typeof IntersectionObserver !== 'function') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), {
      rootMargin: `0px 0px ${AHEAD_PX}px 0px`,
    });
    observer.observe(element);
    let quiet: number | undefined;
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') quiet = requestIdleCallback(() => setNear(true), { timeout: 2_000 });
      else setNear(true);
    }, QUIET_AFTER_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
      if (quiet !== undefined) cancelIdleCallback(quiet);
    };
  }, [near]);
  if (!near) return <div ref={anchor}>{placeholder}</div>;
  return <Suspense fallback={placeholder}>{children}</Suspense>;
}
