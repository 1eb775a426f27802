import { createContext, useContext } from 'react';

/**
 * How a plain link moves to another page of the app. The app's root route provides the router's
 * navigation; without it (the sign-in page rendered before the router loads, see main.tsx) a link
 * is an ordinary page load.
 */
export const NavigateContext = createContext<((href: string) => void) | null>(null);

export function useNavigateHref(): ((href: string) => void) | null {
  return useContext(NavigateContext);
}
