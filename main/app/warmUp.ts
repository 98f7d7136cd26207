/** How the start-up warm-up ended; it never fails (a failure is a log line, not an error). */
export type WarmUpOutcome =
  | { kind: 'off' }
  | { kind: 'no-model' }
  /** Turned off in Settings, the app closing, or the user loaded a model first (theirs wins). */
  | { kind: 'skipped' }
  | { kind: 'loaded'; modelId: string }
  | { kind: 'failed'; modelId: string | null; reason: string };

export interface WarmUpDeps {
  /** The hardware profile (the stored one, else a probe); the warm-up starts it first. */
  profile(): Promise<unknown>;
  /** The model the next message will most likely use, or null. */
  lastUsedModel(): string | null;
  /** Whether loading a model should go ahead now: on in Settings, the engine holding none yet. */
  wanted(): boolean;
  /**
   * Loads the model the same way a message would (check, plan, engine), unless `wanted` turned
   * false while the file was checked; false when it did not load.
   */
  load(modelId: string): Promise<boolean>;
  /** Set when the app closes: nothing more is started. */
  signal: AbortSignal;
  log(line: string): void;
}

/**
 * Gets the app ready for its first message in the background: the hardware profile first (from
 * the database at once when stored, else the probe that message would wait for), then the
 * last-used model, loaded the way that message would load it, so the message finds it loaded.
 * The engine runs one request at a time: a user's action queued behind the load waits for it,
 * one that came first makes the warm-up load nothing.
 */
export async function warmUp(deps: WarmUpDeps): Promise<WarmUpOutcome> {
  // Let the host finish starting (window, socket) before any work.
  await new Promise((resolve) => setImmediate(resolve));
  let modelId: string | null = null;
  try {
    if (deps.signal.aborted) return { kind: 'skipped' };
    await deps.profile();
    modelId = deps.lastUsedModel();
    if (!modelId) return { kind: 'no-model' };
    if (deps.signal.aborted || !deps.wanted()) return { kind: 'skipped' };
    return (await deps.load(modelId)) ? { kind: 'loaded', modelId } : { kind: 'skipped' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (!deps.signal.aborted) {
      deps.log(`start-up warm-up did not load ${modelId ?? 'a model'}: ${reason} (it loads with the first message)`);
    }
    return { kind: 'failed', modelId, reason };
  }
}
