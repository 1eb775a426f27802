import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { MAIN_ID, SkipLink } from '../components/ui/skip-link.tsx';

/** The frame of pages outside the shells: skip link, a header with the brand, one main. */
export function PageFrame({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-5xl items-center px-4">
          <Link href="/" className="rounded text-lg font-bold tracking-tight text-slate-900">
            Portico
          </Link>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none sm:py-12">
        {children}
      </main>
    </div>
  );
}
