import { protocol } from 'electron';
import { readStaticFile } from '../web/staticFiles.js';
import { securityHeaders } from '../web/securityHeaders.js';

export const APP_SCHEME = 'hearth';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Must run before the app is ready: the scheme behaves like https (secure, same-origin rules). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer at hearth://app/ with the same security headers as the web host,
 * instead of file://, which would give the page read access to the whole disk's origin.
 */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('Not found', { status: 404 });
    const file = await readStaticFile(root, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { ...securityHeaders(APP_ORIGIN), 'Content-Type': file.contentType },
    });
  });
}
