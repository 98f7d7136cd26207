import { toErrorValue } from '../../../contract/index.js';
import type { ApiClient } from '../api/apiClient.js';
import { localizedMessage } from '../i18n/i18n.js';
import type { AppStore } from '../store/appStore.js';
import { selectPlanModelId } from '../store/selectors.js';

/**
 * The machine and the plan for a model, as Settings shows them. Failures are kept in the store
 * and shown where the answer would be, not as banners: a model file the planner cannot read is
 * a fact about that model, not an error of the app.
 */
export interface HardwareCommands {
  /** The profile main holds (it probes on the first ask). */
  loadHardwareProfile(): Promise<void>;
  /** Probes the machine again, then plans the chosen model against the new profile. */
  probeHardwareAgain(): Promise<void>;
  /** Asks the planner about `modelId` with the saved settings; only the latest ask is shown. */
  refreshPlan(modelId: string): Promise<void>;
}

export function createHardwareCommands(api: ApiClient, store: AppStore): HardwareCommands {
  const { calls } = api;
  const state = () => store.getState();
  let probeSeq = 0;
  let planSeq = 0;

  const probe = async (refresh: boolean) => {
    const seq = ++probeSeq;
    state().startHardwareProbe();
    try {
      const profile = await calls['hardware.profile'](refresh ? { refresh } : {});
      if (seq === probeSeq) state().setHardwareProfile(profile);
    } catch (error) {
      if (seq === probeSeq) state().failHardwareProbe(localizedMessage(toErrorValue(error)));
    }
  };

  const hardware: HardwareCommands = {
    loadHardwareProfile: () => probe(false),

    async probeHardwareAgain() {
      await probe(true);
      const modelId = selectPlanModelId(state());
      if (modelId !== null) await hardware.refreshPlan(modelId);
    },

    async refreshPlan(modelId) {
      const seq = ++planSeq;
      state().startPlanning(modelId);
      try {
        const { facts, plan } = await calls['hardware.plan']({ modelId });
        if (seq === planSeq) state().setModelPlan({ modelId, facts, plan });
      } catch (error) {
        if (seq === planSeq) state().failPlanning(modelId, localizedMessage(toErrorValue(error)));
      }
    },
  };
  return hardware;
}
