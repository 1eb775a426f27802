/** Types of planner.settings.mjs (plain JavaScript, shared with the PGlite worker). */
export const PLANNER_SETTINGS: string;
