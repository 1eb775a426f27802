/** Types of planner.settings.mjs (plain JavaScript, shared with the PGlite worker). */
export const PLANNER_SETTINGS: Readonly<Record<string, string>>;
export function plannerSetStatement(): string;
export function plannerStartupOptions(): string;
