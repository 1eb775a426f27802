/** Types of pglite.builder.mjs: initialises and migrates a PGlite data directory in `templatesDir/<key>`; older templates are removed. Returns its path. */
export function buildTemplate(templatesDir: string, migrationsFolder: string): Promise<string>;
