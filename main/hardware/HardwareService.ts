import { stat } from 'node:fs/promises';
import type {
  BackendChoice,
  ExecutionPlan,
  HardwareProfile,
  ModelFacts,
  ModelInspection,
  PlanOverrides,
} from '../../contract/index.js';
import type { EngineSupervisor, LoadParams } from '../engine/EngineSupervisor.js';
import type { SettingsStore } from '../storage/SettingsStore.js';
import { planExecution } from './planner/planExecution.js';

export interface HardwareServiceOptions {
  engine: EngineSupervisor;
  /**
   * A model file's inspection. In the app it comes from the file's check (ModelVetter), which
   * reads the file in a throwaway process: the chat engine never parses an unvetted file.
   */
  inspect: (modelPath: string) => Promise<ModelInspection>;
  settings: SettingsStore;
  /** A backend fixed for this run (HEARTH_GPU, tests): wins over Settings. */
  forcedBackend?: BackendChoice;
  /** How long the memory-bandwidth probe runs. */
  bandwidthMs?: number;
}

/**
 * The machine and the plan for each model: the hardware is probed once per run (in the engine
 * process, where the native code lives), model facts once per file version, and a plan is made
 * for every load from the current settings.
 */
export class HardwareService {
  readonly #options: HardwareServiceOptions;
  #profile: Promise<HardwareProfile> | null = null;
  readonly #facts = new Map<string, { key: string; inspection: Promise<ModelInspection> }>();

  constructor(options: HardwareServiceOptions) {
    this.#options = options;
  }

  profile(refresh = false): Promise<HardwareProfile> {
    if (refresh || !this.#profile) {
      const withGpus = this.overrides().backend !== 'cpu';
      const probe = this.#options.engine.probeHardware(this.#options.bandwidthMs ?? 300, withGpus);
      this.#profile = probe;
      probe.catch(() => {
        if (this.#profile === probe) this.#profile = null;
      });
    }
    return this.#profile;
  }

  async facts(modelPath: string): Promise<ModelFacts> {
    return (await this.inspect(modelPath)).facts;
  }

  /** The file's inspection (refused files throw), cached while its size and modification time stay the same. */
  async inspect(modelPath: string): Promise<ModelInspection> {
    const info = await stat(modelPath);
    const key = `${info.size}:${info.mtimeMs}`;
    const cached = this.#facts.get(modelPath);
    if (cached?.key === key) return cached.inspection;
    const inspection = this.#options.inspect(modelPath);
    this.#facts.set(modelPath, { key, inspection });
    inspection.catch(() => this.#facts.delete(modelPath));
    return inspection;
  }

  async plan(modelPath: string): Promise<{ facts: ModelFacts; plan: ExecutionPlan }> {
    const [hardware, facts] = await Promise.all([this.profile(), this.facts(modelPath)]);
    const contextSize = this.#options.settings.get().contextSize;
    const forced = this.#options.forcedBackend;
    const plan = planExecution({
      hardware,
      model: facts,
      contextSize,
      overrides: this.overrides(),
      ...(forced && forced !== 'auto' && { backendFixedBy: 'HEARTH_GPU for this run' }),
    });
    return { facts, plan };
  }

  /** The engine parameters that carry out the plan. */
  async loadParams(modelPath: string): Promise<LoadParams> {
    const { plan } = await this.plan(modelPath);
    return {
      modelPath,
      contextSize: this.#options.settings.get().contextSize,
      threads: plan.threads,
      gpu: plan.backend === 'cpu' ? false : plan.backend,
      gpuLayers: plan.gpuLayers,
      batchSize: plan.batchSize,
    };
  }

  /** What the user fixed in Settings. */
  overrides(): PlanOverrides {
    const settings = this.#options.settings.get();
    const forced = this.#options.forcedBackend;
    return {
      backend: forced && forced !== 'auto' ? forced : settings.backend,
      gpuLayers: settings.gpuLayers,
      threads: settings.threads > 0 ? settings.threads : null,
    };
  }
}
