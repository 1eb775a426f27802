/**
 * The technician's side of `npm run bench:web`: technicians sign in by emailed link only, so the
 * bench runs its server with a real SMTP sink (src/server/test/smtp-sink.ts), asks for a link for
 * a demo technician, reads it from the captured email and redeems it as the web app does.
 */
import type { SmtpSink } from '../src/server/test/smtp-sink.ts';

export const techPersona = { email: 'tess.tech@harbor-electric.example' };

function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The sign-in link's token from a raw email (quoted-printable soft breaks and =3D undone). */
export function magicTokenOf(raw: string): string | null {
  const text = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  const match = text.match(/\/magic-link\?token=([A-Za-z0-9_%.-]+)/);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** Signs the demo technician in through an emailed link; returns the session cookie. */
export async function signInTechnician(url: string, sink: SmtpSink): Promise<string> {
  const before = sink.received.length;
  const asked = await fetch(`${url}/api/auth/sign-in/magic-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: techPersona.email, callbackURL: '/tech/jobs' }),
  });
  if (!asked.ok) throw new Error(`asking a sign-in link for ${techPersona.email} failed: HTTP ${asked.status}`);
  const deadline = Date.now() + 120_000;
  let token: string | null = null;
  while (!token && Date.now() < deadline) {
    const mail = sink.received.slice(before).find((m) => m.to.some((to) => to.toLowerCase() === techPersona.email));
    token = mail ? magicTokenOf(mail.raw) : null;
    if (!token) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!token) throw new Error(`no sign-in link reached ${techPersona.email} within 2 minutes`);
  const redeemed = await fetch(`${url}/api/magic-link/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ token }),
  });
  const cookie = cookieOf(redeemed);
  if (!redeemed.ok || !cookie) throw new Error(`redeeming the sign-in link failed: HTTP ${redeemed.status}`);
  return cookie;
}

/** The technician's first job page (today's, else upcoming), or the job list when the demo gives none. */
export async function techPagePath(url: string, cookie: string): Promise<string> {
  for (const when of ['today', 'upcoming']) {
    const res = await fetch(`${url}/api/my-jobs?when=${when}&limit=1`, { headers: { cookie } });
    if (!res.ok) throw new Error(`listing the technician's jobs failed: HTTP ${res.status}`);
    const { items } = (await res.json()) as { items: { id: string }[] };
    if (items[0]) return `/tech/jobs/${items[0].id}`;
  }
  return '/tech/jobs';
}
