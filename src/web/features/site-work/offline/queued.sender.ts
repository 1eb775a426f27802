import type { SiteWorkSender } from '../api/site-work.sender.ts';
import { enqueueChange } from './offline.queue.ts';

/** The tech view's sender: every change is kept on the phone first, then sent in order (offline.queue.ts). */
export const queuedSender: SiteWorkSender = {
  mode: 'queued',
  isOffline: () => !navigator.onLine,
  async send(change) {
    await enqueueChange(change);
  },
};
