import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * Live updates for the signed-in shell (mounted once per tab): the stream's code loads after the
 * first render, in its own chunk, so no page waits for it.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let close: (() => void) | undefined;
    let cancelled = false;
    void import('./live.events.ts').then(({ connectLive }) => {
      if (!cancelled) close = connectLive(queryClient);
    });
    return () => {
      cancelled = true;
      close?.();
    };
  }, [queryClient]);
}
