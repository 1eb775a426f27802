import type { ApiData } from '../../../lib/api.client.ts';
import { postFile } from '../../../lib/upload.ts';

export type JobImportResult = ApiData<'/api/jobs/import', 'post'>;
export type JobImportMode = 'preview' | 'import';

/**
 * Sends the CSV to the import endpoint with upload progress. `preview` writes nothing and lists
 * every refused row; `import` writes the accepted rows in one transaction.
 */
export function sendJobCsv(
  file: File,
  mode: JobImportMode,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal },
): Promise<JobImportResult> {
  return postFile<JobImportResult>(`/api/jobs/import?mode=${mode}`, file, options);
}
