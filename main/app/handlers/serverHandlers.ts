import type { HandlerGroup, HearthServices } from './HearthServices.js';

/** The local API's settings and keys (the API itself is served by main/server/ApiServer). */
export function serverHandlers({
  apiServer,
}: HearthServices): HandlerGroup<'server.status' | 'server.configure' | 'server.createKey' | 'server.revokeKey'> {
  return {
    'server.status': async () => apiServer.status(),
    'server.configure': async (change) => apiServer.configure(change),
    'server.createKey': async ({ name }) => apiServer.createKey(name),
    'server.revokeKey': async ({ id }) => apiServer.revokeKey(id),
  };
}
