/** Types of planner.settings.mjs (plain JavaScript, shared with the PGlite worker). */
export function plannerSetStatement(): string;
export function plannerStartupOptions(): string;
