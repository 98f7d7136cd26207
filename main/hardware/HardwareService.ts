import { stat } from 'node:fs/promises';
import os from 'node:os';
import {
  type BackendChoice,
  type ExecutionPlan,
  type HardwareProfile,
  HardwareProfileSchema,
  type ModelFacts,
  type ModelInspection,
  type PlanOverrides,
} from '../../contract/index.js';
import type { EngineSupervisor, LoadParams } from '../engine/EngineSupervisor.js';
import type { HardwareProfileStore } from '../storage/HardwareProfileStore.js';
import type { SettingsStore } from '../storage/SettingsStore.js';
import { planExecution } from './planner/planExecution.js';
import { profileCacheKey } from './profileCacheKey.js';

/** A stored profile older than this is probed again, in case a GPU or driver came or went. */
const PROFILE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

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
  /**
   * Where the profile is kept between runs, and the build that probes it (part of what
   * invalidates it, see profileCacheKey); without it the machine is probed once per run.
   */
  cache?: { store: Pick<HardwareProfileStore, 'get' | 'put'>; build: string };
}

/**
 * The machine and the plan for each model: the hardware is probed (in the engine process, where
 * the native code lives) once per machine, build and compute path, the profile kept in the
 * database so a start-up uses it at once; model facts once per file version; and a plan is made
 * for every load from the current settings.
 */
export class HardwareService {
  readonly #options: HardwareServiceOptions;
  #profile: { key: string; profile: Promise<HardwareProfile> } | null = null;
  #probes = 0;
  readonly #facts = new Map<string, { key: string; inspection: Promise<ModelInspection> }>();

  constructor(options: HardwareServiceOptions) {
    this.#options = options;
  }

  /**
   * The machine's profile: the one of this run, else the stored one while its key matches, else
   * a probe (stored when it answers). `refresh` always probes (Settings' "Probe again").
   */
  profile(refresh = false): Promise<HardwareProfile> {
    return this.#probedProfile(refresh).then((profile) => this.#withGpuSearch(profile));
  }

  #probedProfile(refresh: boolean): Promise<HardwareProfile> {
    const backend = this.overrides().backend;
    const key = profileCacheKey(this.#options.cache?.build ?? '', backend);
    if (!refresh && this.#profile?.key === key) return this.#profile.profile;
    const stored = refresh ? null : this.#stored(key);
    if (stored) {
      this.#profile = { key, profile: Promise.resolve(stored) };
      return this.#profile.profile;
    }
    this.#probes++;
    const probe = this.#options.engine.probeHardware(this.#options.bandwidthMs ?? 300, backend !== 'cpu');
    const entry = { key, profile: probe };
    this.#profile = entry;
    probe.then(
      (profile) => this.#store(key, profile),
      () => {
        if (this.#profile === entry) this.#profile = null;
      },
    );
    return probe;
  }

  /**
   * Says whether GPUs were looked for, and why not. The engine marks an empty GPU list 'none'
   * whether it searched or not; only here is it known which: with CPU only (from Settings or
   * fixed at launch) no GPU backend was started, otherwise node-llama-cpp looked and found none.
   */
  #withGpuSearch(profile: HardwareProfile): HardwareProfile {
    const { gpusNotProbed: _stale, ...probed } = profile;
    if (this.overrides().backend === 'cpu') {
      return { ...probed, gpusNotProbed: this.#options.forcedBackend === 'cpu' ? 'launch' : 'settings' };
    }
    return probed.gpus.length === 0 && probed.sources.gpus === 'none'
      ? { ...probed, sources: { ...probed.sources, gpus: 'llama' } }
      : probed;
  }

  /** How many times this service asked the engine to probe the machine (tests count them). */
  get probes(): number {
    return this.#probes;
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
      ...(forced && forced !== 'auto' && { backendFixedBy: 'launch' as const }),
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

  /** The stored profile when it was probed for `key` recently; its free memory is read anew. */
  #stored(key: string): HardwareProfile | null {
    const record = this.#options.cache?.store.get();
    if (!record || record.cacheKey !== key) return null;
    const age = Date.now() - record.probedAt;
    if (age < 0 || age > PROFILE_MAX_AGE_MS) return null;
    try {
      const parsed = HardwareProfileSchema.safeParse(JSON.parse(record.profile));
      return parsed.success ? { ...parsed.data, freeMemoryBytes: os.freemem() } : null;
    } catch {
      return null; // a damaged row is probed again and overwritten
    }
  }

  #store(key: string, profile: HardwareProfile): void {
    try {
      this.#options.cache?.store.put({ cacheKey: key, profile: JSON.stringify(profile), probedAt: Date.now() });
    } catch {
      // A database closed meanwhile (the app quitting): the next start probes again.
    }
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
