import type { ExecutionPlan, HardwareProfile, ModelFacts } from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

/** The planner's answer for one model, as of the settings saved when it was asked. */
export interface ModelPlan {
  modelId: string;
  facts: ModelFacts;
  plan: ExecutionPlan;
}

export interface HardwareSlice {
  /** The machine as main probed it; kept while a new probe runs. */
  hardwareProfile: HardwareProfile | null;
  hardwareProbing: boolean;
  /** Why the last probe failed, for the user; cleared by the next answer. */
  hardwareError: string | null;
  /** The latest plan; it may be for another model than the one now chosen. */
  modelPlan: ModelPlan | null;
  /** The model a plan is being asked for, while it is asked. */
  planningModelId: string | null;
  /** Why planning `modelId` failed (a malformed file, …), in words for the user. */
  planError: { modelId: string; message: string } | null;

  startHardwareProbe: () => void;
  setHardwareProfile: (profile: HardwareProfile) => void;
  failHardwareProbe: (message: string) => void;
  startPlanning: (modelId: string) => void;
  setModelPlan: (plan: ModelPlan) => void;
  failPlanning: (modelId: string, message: string) => void;
}

export const createHardwareSlice: SliceCreator<HardwareSlice> = (set) => ({
  hardwareProfile: null,
  hardwareProbing: false,
  hardwareError: null,
  modelPlan: null,
  planningModelId: null,
  planError: null,

  startHardwareProbe: () => set({ hardwareProbing: true }),
  setHardwareProfile: (hardwareProfile) => set({ hardwareProfile, hardwareProbing: false, hardwareError: null }),
  failHardwareProbe: (hardwareError) => set({ hardwareProbing: false, hardwareError }),

  startPlanning: (planningModelId) => set({ planningModelId }),
  setModelPlan: (modelPlan) =>
    set((state) => ({
      modelPlan,
      planningModelId: null,
      planError: state.planError?.modelId === modelPlan.modelId ? null : state.planError,
    })),
  failPlanning: (modelId, message) => set({ planningModelId: null, planError: { modelId, message } }),
});
