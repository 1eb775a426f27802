import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { queryRoots } from '../../../lib/query.roots.ts';
import { keepJobsOffline } from './offline.prefetch.ts';
import { onChangeSettled, readQueue, startQueue, subscribeQueue } from './offline.queue.ts';
import { registerTechWorker } from './register-worker.ts';

/** The queue's state for a page: online, sending, what waits, what was refused. */
export function useOfflineQueue() {
  return useSyncExternalStore(subscribeQueue, readQueue, readQueue);
}

/**
 * Run once by the tech view's shell: starts the offline queue for this person, registers the
 * service worker that keeps the tech view and the person's jobs on the phone (and reads the jobs
 * once so it keeps them), and refreshes the job pages whenever a queued change is applied or refused.
 */
export function useStartOfflineQueue(userId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stop = startQueue(userId);
    const unsubscribe = onChangeSettled(() => {
      void queryClient.invalidateQueries({ queryKey: queryRoots.techView });
      void queryClient.invalidateQueries({ queryKey: queryRoots.siteWork });
    });
    registerTechWorker();
    const prefetch = new AbortController();
    void keepJobsOffline(prefetch.signal).catch(() => undefined);
    return () => {
      stop();
      unsubscribe();
      prefetch.abort();
    };
  }, [userId, queryClient]);
}
