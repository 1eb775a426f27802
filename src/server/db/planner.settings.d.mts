/** Types of planner.settings.mjs (plain JavaScript, shared with the PGlite worker). */
export function plannerSetStatement(own?: Readonly<Record<string, string>>): string;
export function plannerStartupOptions(): string;
