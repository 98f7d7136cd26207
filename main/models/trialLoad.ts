import { totalmem } from 'node:os';
import { basename } from 'node:path';
import { AppError, type ModelInspection } from '../../contract/index.js';
import { EngineSupervisor, type EngineSupervisorOptions } from '../engine/EngineSupervisor.js';

export interface TrialLimits {
  /** How long each stage (read, template, load) may take before the process is killed. */
  stageDeadlineMs?: number;
  /** The trial engine's JavaScript heap (node-llama-cpp's GGUF reader, the Jinja renderer). */
  heapMb?: number;
}

// node-llama-cpp's reader needs tens of MB for a 150k-token vocabulary; a runaway template hits the cap fast.
const DEFAULTS = { stageDeadlineMs: 60_000, heapMb: 512 };

type Stage = 'read' | 'template' | 'load';

/**
 * Everything about a file that could take a process down runs here, in a throwaway engine
 * process, after Hearth's own screen has passed it: node-llama-cpp's GGUF reader (it trusts the
 * header's counts), the chat template (a Jinja program that may loop or allocate without end),
 * and a real load on the CPU with a tiny context (llama.cpp aborts the process on some files).
 * Each stage has a deadline; the process has a capped JavaScript heap, a resident-memory limit
 * (sampled by the liveness ping) and a liveness timeout, and is always ended afterwards.
 * Returns the inspection the library and planner use, so the chat engine never reads an unvetted
 * file. Weights are memory-mapped, so even a large file loads quickly.
 */
export async function trialLoad(
  modelPath: string,
  fileSize: number,
  engine: EngineSupervisorOptions,
  limits: TrialLimits = {},
): Promise<ModelInspection> {
  const { stageDeadlineMs, heapMb } = { ...DEFAULTS, ...limits };
  const supervisor = new EngineSupervisor({
    livenessIntervalMs: 500,
    livenessTimeoutMs: 10_000,
    ...engine,
    maxOldSpaceMb: heapMb,
    // Memory-mapped weights count as resident once touched; beyond them, a load needs little.
    memoryLimitBytes: Math.min(Math.floor(totalmem() * 0.9), fileSize + 2 * 1024 ** 3),
  });
  const run = <T>(stage: Stage, task: () => Promise<T>) => withDeadline(stage, task(), stageDeadlineMs);
  try {
    const inspection = await run('read', () => supervisor.inspectModel(modelPath));
    await run('template', () => supervisor.renderChatTemplate(modelPath));
    await run('load', () =>
      supervisor.ensureModel({ modelPath, contextSize: 256, threads: 1, gpu: false, gpuLayers: 0, batchSize: 32 }),
    );
    return inspection;
  } catch (error) {
    throw describeFailure(basename(modelPath), error);
  } finally {
    await supervisor.shutdown();
  }
}

class StageError extends Error {
  constructor(
    readonly stage: Stage,
    readonly failure: unknown,
    readonly timedOut: boolean,
  ) {
    super(stage);
  }
}

async function withDeadline<T>(stage: Stage, work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StageError(stage, null, true)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    throw error instanceof StageError ? error : new StageError(stage, error, false);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}

type How = 'took too long' | 'ran out of memory' | 'crashed';
const TRIAL_READ = {
  'took too long': 'errorTrialReadTooLong',
  'ran out of memory': 'errorTrialReadOutOfMemory',
  crashed: 'errorTrialReadCrashed',
} as const satisfies Record<How, string>;
const TRIAL_TEMPLATE = {
  'took too long': 'errorTrialTemplateTooLong',
  'ran out of memory': 'errorTrialTemplateOutOfMemory',
  crashed: 'errorTrialTemplateCrashed',
} as const satisfies Record<How, string>;

/** One clear reason per way a stage can fail; never the raw internals of a dying process. */
function describeFailure(name: string, error: unknown): AppError {
  if (!(error instanceof StageError))
    return error instanceof AppError ? error : new AppError('model_invalid', String(error));
  const { stage, failure: cause, timedOut } = error;
  const message = cause instanceof Error ? cause.message : '';
  // Not the file's fault: no verdict is given, the caller sees the engine's own error.
  if (cause instanceof AppError && /could not start/.test(cause.message)) return cause;
  // A file refused by the screen inside the trial engine (it changed since main's screen) says so itself.
  if (cause instanceof AppError && cause.code === 'model_invalid' && stage !== 'load') return cause;
  const how: How =
    timedOut || /not responding/.test(message)
      ? 'took too long'
      : /out of memory|heap limit/i.test(message)
        ? 'ran out of memory'
        : 'crashed';
  switch (stage) {
    case 'read':
      return AppError.localized('model_invalid', TRIAL_READ[how], { name }, 'library');
    case 'template':
      return AppError.localized('model_invalid', TRIAL_TEMPLATE[how], { name }, 'library');
    case 'load':
      if (timedOut) return AppError.localized('model_invalid', 'errorTrialLoadTooLong', { name }, 'library');
      // llama.cpp's own words stay as they are.
      return AppError.localized('model_invalid', 'errorTrialLoadFailed', { name, message }, 'library');
    default:
      return stage satisfies never;
  }
}
