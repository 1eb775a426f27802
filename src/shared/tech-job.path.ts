/**
 * The job a technician's job page shows (/tech/jobs/<id>), or null for any other address. The
 * server sends that page tech-job.html, which preloads its code (src/server/http/app-html.ts), and
 * the entry asks for the job while that code downloads (src/web/app/early.requests.ts). Both ask
 * this one function.
 */
export function techJobIdOf(pathname: string): string | null {
  return /^\/tech\/jobs\/([A-Za-z0-9-]{1,64})\/?$/.exec(pathname)?.[1] ?? null;
}
