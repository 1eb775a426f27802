import type { ReactNode } from 'react';
import { PlainLink } from '../components/ui/plain-link.tsx';
import { MAIN_ID, SkipLink } from '../components/ui/skip-link.tsx';

/**
 * The frame of pages outside the shells: skip link, a header with the brand, one main. No React
 * Aria: the sign-in page renders in it before the router loads (main.tsx).
 */
export function PageFrame({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-5xl items-center px-4">
          <PlainLink href="/" className="rounded text-lg font-bold tracking-tight text-slate-900">
            Portico
          </PlainLink>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none sm:py-12">
        {children}
      </main>
    </div>
  );
}
