import { parentPort } from 'node:worker_threads';
import type { z } from 'zod';

/**
 * A worker thread's side of ThreadClient: each message is validated against `commands`, run, and
 * answered with its reply, or with `failed(id, error)` when it is malformed or throws. Jobs run one
 * at a time in the order sent; after a `close` job's reply the thread's port closes and it ends.
 */
export function serveJobs<Command extends { id: number; type: string }, Reply>(
  name: string,
  commands: z.ZodType<Command>,
  run: (command: Command) => Reply,
  failed: (id: number, error: unknown) => Reply,
): void {
  const port = parentPort;
  if (!port) throw new Error(`The ${name} runs as a worker thread of one of Hearth’s processes.`);
  port.on('message', (frame: unknown) => {
    const parsed = commands.safeParse(frame);
    if (!parsed.success) {
      const id = (frame as { id?: unknown } | null)?.id;
      port.postMessage(failed(typeof id === 'number' ? id : 0, new Error('a malformed job')));
      return;
    }
    const command = parsed.data;
    let reply: Reply;
    try {
      reply = run(command);
    } catch (error) {
      reply = failed(command.id, error);
    }
    port.postMessage(reply);
    if (command.type === 'close') port.close();
  });
}
