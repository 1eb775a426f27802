import { useEffect, useRef, useState } from 'react';

/**
 * A search box whose value lives in the URL: typing updates the URL after a pause, and the box
 * follows the URL (back button, "Clear filters") but not the echo of what was just typed.
 */
export function useUrlSearch(q: string | undefined, onSearch: (q: string | undefined) => void, delayMs = 300) {
  const [text, setText] = useState(q ?? '');
  const pushed = useRef(q);

  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q ?? '');
    }
  }, [q]);

  useEffect(() => {
    const next = text.trim() || undefined;
    if (next === q) return;
    const timer = window.setTimeout(() => {
      pushed.current = next;
      onSearch(next);
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [text, q, onSearch, delayMs]);

  return [text, setText] as const;
}
