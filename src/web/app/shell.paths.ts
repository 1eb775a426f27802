import type { Membership } from '../../shared/schemas/session.schema.ts';

export type ShellKind = Membership['kind'];

const homes = { staff: '/app/home', contractor: '/portal/home', technician: '/tech/jobs' } as const;
const securities = { staff: '/app/security', contractor: '/portal/security', technician: '/tech/security' } as const;
const prefixes = { staff: '/app', contractor: '/portal', technician: '/tech' } as const;

export function homeOf(kind: ShellKind) {
  return homes[kind];
}

export function securityOf(kind: ShellKind) {
  return securities[kind];
}

export function prefixOf(kind: ShellKind) {
  return prefixes[kind];
}

/** Which shell a path belongs to, if any. */
export function shellOfPath(pathname: string): ShellKind | null {
  const found = (Object.keys(prefixes) as ShellKind[]).find(
    (kind) => pathname === prefixes[kind] || pathname.startsWith(`${prefixes[kind]}/`),
  );
  return found ?? null;
}

/** Only same-site paths are followed after sign-in, never another origin. */
export function isSafeRedirect(target: string | undefined): target is string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\');
}
