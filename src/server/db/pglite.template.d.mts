/** Types of pglite.template.mjs (plain JavaScript, shared with scripts/build-pglite-template.mjs). */
export function committedMigrations(migrationsFolder: string): string;
export function templateKey(migrationsFolder: string): string;
export function templatePath(templatesDir: string, migrationsFolder: string): string;
export function seedFromTemplate(pgdataDir: string, templatesDir: string, migrationsFolder: string): boolean;
