import { useCallback, useState } from 'react';
import { defaultHiddenColumns } from './desk.columns.tsx';

/*
 * The columns a person shows in the jobs table, remembered in this browser's localStorage per
 * user (key `portico.desk.columns.<userId>`): a choice of layout, not data, so it stays on the
 * device; a browser that refuses storage simply starts from the defaults each time.
 */

export type ColumnVisibility = Record<string, boolean>;

function keyOf(userId: string): string {
  return `portico.desk.columns.${userId}`;
}

function read(userId: string): ColumnVisibility {
  try {
    const raw = window.localStorage.getItem(keyOf(userId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'boolean')) as ColumnVisibility;
  } catch {
    // Storage refused or a value of another shape: the defaults.
  }
  return { ...defaultHiddenColumns };
}

export function useColumnPreferences(userId: string) {
  const [visibility, setVisibility] = useState<ColumnVisibility>(() => read(userId));
  const change = useCallback(
    (updater: ColumnVisibility | ((old: ColumnVisibility) => ColumnVisibility)) => {
      setVisibility((old) => {
        const next = typeof updater === 'function' ? updater(old) : updater;
        try {
          window.localStorage.setItem(keyOf(userId), JSON.stringify(next));
        } catch {
          // Not remembered; still applied.
        }
        return next;
      });
    },
    [userId],
  );
  return [visibility, change] as const;
}
