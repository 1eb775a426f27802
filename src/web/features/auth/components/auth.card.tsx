import type { ReactNode } from 'react';
import { PageHeader } from '../../../components/ui/page-header.tsx';

/** The narrow column of the public sign-in pages. */
export function AuthCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md">
      <PageHeader title={title} description={description} />
      <div className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6">{children}</div>
    </div>
  );
}
