import { AppError } from '../../contract/index.js';

/**
 * The fetch a remote engine's client uses: requests may go to the engine's own address (origin and
 * path under its base URL) and nowhere else, and a redirect is never followed (a server that
 * answers with one could otherwise send the conversation, or its key, to another machine).
 */
export function guardedFetch(baseUrl: string): typeof fetch {
  const base = new URL(baseUrl);
  const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  return async (input, init) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    if (target.origin !== base.origin || !`${target.pathname}/`.startsWith(prefix)) {
      throw AppError.localized(
        'forbidden',
        'errorRemoteOtherAddress',
        { allowed: `${base.origin}${base.pathname}`, origin: target.origin },
        'settings',
      );
    }
    const response = await fetch(input, { ...init, redirect: 'manual' });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const to = response.headers.get('location') ?? 'elsewhere';
      throw AppError.localized('forbidden', 'errorRemoteRedirect', { origin: base.origin, to }, 'settings');
    }
    return response;
  };
}
