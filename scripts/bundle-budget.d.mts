export interface PageBudget {
  name: string;
  path: string;
  budgetGzip: number;
  goalGzip: number;
  /** Manifest keys (source paths under src/web) of the lazy chunks the page renders. */
  lazy: string[];
}

export interface PageMeasure {
  name: string;
  path: string;
  chunks: number;
  raw: number;
  gzip: number;
  brotli: number;
  budgetGzip: number;
  goalGzip: number;
  ok: boolean;
}

export const pages: PageBudget[];
export function collectChunks(manifest: Record<string, { file: string; imports?: string[]; isEntry?: boolean }>, keys: string[]): string[];
export function findEntry(manifest: Record<string, { file: string; imports?: string[]; isEntry?: boolean }>): string;
export function measurePages(webDir: string, list?: PageBudget[]): PageMeasure[];
