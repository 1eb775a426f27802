import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useNavigateHref } from '../../lib/navigate.context.ts';

export interface PlainLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
}

function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;
}

/**
 * A native link to a page of the app, without React Aria: client-side navigation when the router
 * is there (NavigateContext), a page load when it is not. For the pages that load before the
 * router (the sign-in page and its frame); elsewhere use TextLink / ButtonLink.
 */
export function PlainLink({ href, onClick, ...props }: PlainLinkProps) {
  const navigate = useNavigateHref();
  return (
    <a
      {...props}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!navigate || !href.startsWith('/') || props.target || !isPlainClick(event)) return;
        event.preventDefault();
        navigate(href);
      }}
    />
  );
}

export const textLinkClasses = 'cursor-pointer font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900';
