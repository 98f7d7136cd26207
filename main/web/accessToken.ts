import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Cookies ignore ports: every server on 127.0.0.1 receives every cookie set there. Naming the
 * cookie after the port at least keeps two Hearth servers (or a dev server) from overwriting
 * each other's; its value is a session secret of its own, never the launch token.
 */
export function tokenCookieName(port: number): string {
  return `hearth_token_${port}`;
}

export function newAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensMatch(expected: string | null, given: string | null | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}
