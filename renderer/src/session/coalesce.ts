/**
 * Wraps a refresh so that calls made while one runs collapse into a single rerun after it:
 * a burst of change events costs two fetches, not one per event, and the last fetch always
 * starts after the last event.
 */
export function coalesce(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  const pending = { again: false };

  const loop = async (): Promise<void> => {
    try {
      await run();
      while (pending.again) {
        pending.again = false;
        await run();
      }
    } finally {
      running = null;
    }
  };

  return () => {
    if (running) {
      pending.again = true;
      return running;
    }
    running = loop();
    return running;
  };
}
