import { toErrorValue } from '../../../contract/index.js';
import type { ApiClient } from '../api/apiClient.js';
import { localizedMessage } from '../i18n/i18n.js';
import type { AppStore } from '../store/appStore.js';

export type ServerChange = Parameters<ApiClient['calls']['server.configure']>[0];

/** A call's failure in words, for the place in Settings where the user acted; null: it worked. */
export type ActionError = string | null;

/**
 * The local API as Settings drives it. Each change acts at once; a refused one (a port in use, the
 * LAN without a key) changes nothing and its message is returned to the control that asked, not
 * shown as a banner, which the Settings dialog would hide.
 */
export interface ServerCommands {
  refreshServer(): Promise<void>;
  configureServer(change: ServerChange): Promise<ActionError>;
  /** The new key (shown once), or why none was made. */
  createApiKey(name: string): Promise<{ key: string } | { error: string }>;
  revokeApiKey(id: string): Promise<ActionError>;
}

export function createServerCommands(api: ApiClient, store: AppStore): ServerCommands {
  const { calls } = api;
  const state = () => store.getState();
  // In the UI's language when main sent a catalog key with the error.
  const messageOf = (error: unknown) => localizedMessage(toErrorValue(error));

  return {
    async refreshServer() {
      try {
        state().setApiServer(await calls['server.status']({}));
      } catch (error) {
        state().showBanner('error', messageOf(error));
      }
    },

    async configureServer(change) {
      try {
        state().setApiServer(await calls['server.configure'](change));
        return null;
      } catch (error) {
        return messageOf(error);
      }
    },

    async createApiKey(name) {
      try {
        const { key, status } = await calls['server.createKey']({ name });
        state().setApiServer(status);
        return { key };
      } catch (error) {
        return { error: messageOf(error) };
      }
    },

    async revokeApiKey(id) {
      try {
        state().setApiServer((await calls['server.revokeKey']({ id })).status);
        return null;
      } catch (error) {
        return messageOf(error);
      }
    },
  };
}
