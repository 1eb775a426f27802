import './styles.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { isSignInPath } from '../shared/sign-in.path.ts';
import { PageFrame } from './app/page.frame.tsx';
import { earlyRequestsOf } from './app/early.requests.ts';
import { SignInPage } from './features/auth/components/sign-in.page.tsx';
import { requestEarly } from './lib/api.request.ts';
import { prepareLocaleData } from './lib/format.intl.ts';

/*
 * The entry: React, and the sign-in page with its frame. On /sign-in that is all a visitor
 * downloads (the page's budget in scripts/bundle-budget.mjs); the rest of the app (router,
 * TanStack Query, React Aria, every route) is app/app.boot.tsx, loaded for any other address and
 * once the sign-in succeeds. Inside the app, the router's /sign-in route renders the same page.
 */

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
const root = createRoot(container);

function readRedirect(): string | undefined {
  const value = new URLSearchParams(window.location.search).get('redirect');
  return value ? value.slice(0, 2000) : undefined;
}

if (isSignInPath(window.location.pathname)) {
  const redirect = readRedirect();
  // Rendered in slices (a transition), so starting the page is no long task.
  startTransition(() => {
    root.render(
      <StrictMode>
        <PageFrame>
          <SignInPage
            onSignedIn={async () => {
              const { startAppAfterSignIn } = await import('./app/app.boot.tsx');
              await startAppAfterSignIn(root, redirect);
            }}
          />
        </PageFrame>
      </StrictMode>,
    );
  });
} else {
  // A page's first reads (who is signed in; a technician's job) need not wait for the app's code.
  requestEarly(earlyRequestsOf(window.location.pathname));
  void import('./app/app.boot.tsx').then(({ startApp }) => startApp(root));
  // The locale data every page formats with, loaded while the app's code downloads (format.intl.ts).
  setTimeout(prepareLocaleData, 0);
}
