/** Types of pglite.builder.mjs (plain JavaScript, run by scripts/build-pglite-template.mjs). */
/** Initialises and migrates a PGlite data directory in `templatesDir/<key>`; older templates are removed. Returns its path. */
export function buildTemplate(templatesDir: string, migrationsFolder: string): Promise<string>;
