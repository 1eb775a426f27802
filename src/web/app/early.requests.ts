import { techJobIdOf } from '../../shared/tech-job.path.ts';
import { shellOfPath } from './shell.paths.ts';

/**
 * The API reads a page at `pathname` needs before it can show anything, which main.tsx asks for
 * while the app's code downloads (lib/api.request.ts, requestEarly): who is signed in on every
 * shell's page; on a technician's job page also the job and its site sheet, the page's content on
 * a phone (the paths its queries read: tech-view/api/get-my-job.query.ts, site-work/api/get-site-sheet.query.ts).
 */
export function earlyRequestsOf(pathname: string): string[] {
  if (pathname !== '/' && !shellOfPath(pathname)) return [];
  const jobId = techJobIdOf(pathname);
  return jobId ? ['/api/me', `/api/my-jobs/${jobId}`, `/api/jobs/${jobId}/site`] : ['/api/me'];
}
