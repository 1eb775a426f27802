import { ArrowLeft } from 'lucide-react';
import { TextLink } from './link.tsx';

/** "← All contracts": the way back to the list a detail page came from. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mb-4">
      <TextLink href={href} className="inline-flex items-center gap-1">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {label}
      </TextLink>
    </p>
  );
}
