import './lib/zod.config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/providers.tsx';
import { createQueryClient } from './app/query-client.ts';
import { createAppRouter } from './app/router.tsx';
import { securityOf, shellOfPath } from './app/shell.paths.ts';
import './styles.css';
import { queryRoots } from './lib/query.roots.ts';

const queryClient = createQueryClient({
  // A session that ended mid-use: back to sign-in, then back here afterwards.
  onSignedOut: () => {
    const { pathname, href } = router.state.location;
    if (shellOfPath(pathname)) void router.navigate({ to: '/sign-in', search: { redirect: href } });
  },
  // The organization now requires 2FA: the Security page explains and enrols.
  onTwoFactorRequired: () => {
    const kind = shellOfPath(router.state.location.pathname);
    void queryClient.invalidateQueries({ queryKey: queryRoots.session });
    if (kind) void router.navigate({ to: securityOf(kind) });
  },
});
const router = createAppRouter(queryClient);

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} router={router} />
  </StrictMode>,
);
