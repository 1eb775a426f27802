/**
 * The technician's job page: the page, its site work and its messages (their part that waits to
 * load: job-messages.deferred.tsx), which the route always renders together. Imported as one
 * module (lazy.pages.ts), they are one chunk and one request; as three they were three requests
 * and 1.5 KB more gzip (each chunk's own overhead, and the shared parts copied into more than one).
 */
export { DeferredJobMessages } from '../features/messages/components/job-messages.deferred.tsx';
export { TechSiteWork } from '../features/site-work/components/tech-site-work.tsx';
export { MyJobPage } from '../features/tech-view/components/my-job.page.tsx';
