import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's root directory (where package.json, drizzle/ and dist/ live), found by walking up
 * from this file: the same answer when the server runs from its TypeScript sources (tsx, Vitest)
 * and from its prebuilt bundle in dist/server/ (`npm start`).
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'drizzle'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no project root (package.json beside drizzle/) above ${from}`);
  }
}

export const projectRoot = findProjectRoot(import.meta.dirname);

/** A path inside the project, e.g. `projectPath('drizzle')`. */
export function projectPath(...parts: string[]): string {
  return path.join(projectRoot, ...parts);
}
