/**
 * Whether an address is the sign-in page's. The server sends it index.html (React and the page
 * only) and every other page app.html (src/server/http/static.plugin.ts); the entry renders the
 * page there without the router (src/web/main.tsx). Both ask this one function.
 */
export function isSignInPath(pathname: string): boolean {
  return /^\/sign-in\/?$/.test(pathname);
}
