/**
 * What a change made on site does to the job as the page shows it, before the server has it
 * (site-work.overlay.ts applies the changes still waiting on the phone). Plain data: it is kept
 * in IndexedDB with the change.
 */
export type LocalEffect =
  | { kind: 'on-site' }
  | { kind: 'revisit'; reason: string }
  | {
      kind: 'answer';
      taskId: string;
      result: 'pass' | 'fail' | 'na' | null;
      defects: { description: string; severity: 'low' | 'medium' | 'high' | 'critical' }[];
      remarks: string | null;
    }
  | { kind: 'photo'; taskId: string; name: string }
  | { kind: 'remove-photo'; taskId: string; photoId: string }
  | { kind: 'performed' };
