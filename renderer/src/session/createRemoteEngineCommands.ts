import { toErrorValue, type RemotePreset } from '../../../contract/index.js';
import type { ApiClient } from '../api/apiClient.js';
import { localizedMessage, t } from '../i18n/i18n.js';
import type { AppStore } from '../store/appStore.js';
import type { ActionError } from './createServerCommands.js';

export interface NewRemoteEngine {
  name: string;
  baseUrl: string;
  preset: RemotePreset;
  apiKey: string | null;
}

/**
 * Remote engines and their models. The model lists come from the servers themselves, so each is
 * asked on its own and its failure kept with it: one machine that is off must not hide the others.
 */
export interface RemoteEngineCommands {
  /** The engines, then each one's models. */
  refreshRemoteEngines(): Promise<void>;
  refreshRemoteModels(engineId: string): Promise<void>;
  /** Adds the engine once it answered; nothing is added when it did not. */
  addRemoteEngine(input: NewRemoteEngine): Promise<ActionError>;
  removeRemoteEngine(engineId: string): Promise<ActionError>;
}

export function createRemoteEngineCommands(api: ApiClient, store: AppStore): RemoteEngineCommands {
  const { calls } = api;
  const state = () => store.getState();
  // In the UI's language when main sent a catalog key with the error.
  const messageOf = (error: unknown) => localizedMessage(toErrorValue(error));

  const commands: RemoteEngineCommands = {
    async refreshRemoteEngines() {
      try {
        state().setRemoteEngines(await calls['engines.list']({}));
      } catch (error) {
        state().showBanner('error', messageOf(error));
        return;
      }
      await Promise.all(state().remoteEngines.map((engine) => commands.refreshRemoteModels(engine.id)));
    },

    async refreshRemoteModels(engineId) {
      state().setRemoteModels(engineId, { status: 'asking' });
      try {
        const { models } = await calls['engines.models']({ id: engineId });
        state().setRemoteModels(engineId, { status: 'listed', models });
      } catch (error) {
        state().setRemoteModels(engineId, { status: 'failed', message: messageOf(error) });
      }
    },

    async addRemoteEngine(input) {
      try {
        const { engine, models } = await calls['engines.add'](input);
        state().addRemoteEngine(engine, models);
        state().announce(t('engineAdded', { ns: 'settings', name: engine.name, count: models.length }));
        return null;
      } catch (error) {
        return messageOf(error);
      }
    },

    async removeRemoteEngine(engineId) {
      try {
        await calls['engines.remove']({ id: engineId });
        state().removeRemoteEngine(engineId);
        return null;
      } catch (error) {
        return messageOf(error);
      }
    },
  };
  return commands;
}
