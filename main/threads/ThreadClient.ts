import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';

/** Every job and reply carries the number the client gave the job. */
interface Framed {
  id: number;
  type: string;
}

export interface ThreadClientOptions<Reply extends Framed> {
  /** The thread's entry module, as `import.meta.url`-relative URL of its compiled `.js` name. */
  entry: URL;
  workerData: unknown;
  /** Replies are validated: a frame that fails rejects its job (or is dropped, without a job number). */
  replySchema: z.ZodType<Reply>;
  /** Named in errors: "the <name> failed: …". */
  name: string;
}

/** A job as its sender writes it: the thread client numbers it. */
export type ThreadJob<Command extends Framed> = Command extends infer C
  ? C extends Framed
    ? Omit<C, 'id'>
    : never
  : never;

/**
 * A process's side of one worker thread that answers numbered jobs (main's threads, the engine's
 * state verifier): starts it on the first job, matches replies to jobs, and when the thread dies
 * fails the jobs in flight (the next job starts a new thread). Idle, the thread does not keep the
 * process alive.
 */
export class ThreadClient<Command extends Framed, Reply extends Framed> {
  readonly #o: ThreadClientOptions<Reply>;
  #worker: Worker | null = null;
  readonly #pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  #nextId = 1;

  constructor(options: ThreadClientOptions<Reply>) {
    this.#o = options;
  }

  /** Jobs sent and not yet answered. */
  get pending(): number {
    return this.#pending.size;
  }

  /** Whether a thread is running (started and not ended). */
  get running(): boolean {
    return this.#worker !== null;
  }

  /** Starts the thread ahead of its first job (it loads its modules and opens its connection). */
  start(): void {
    this.#worker ??= this.#start();
  }

  send(job: ThreadJob<Command>): Promise<Reply> {
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id });
    });
  }

  /** Sends `closeJob` (the thread closes its connection), then ends the thread. */
  async close(closeJob: ThreadJob<Command>): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    await this.send(closeJob).catch(() => undefined);
    await worker.terminate();
  }

  #start(): Worker {
    const entry = fileURLToPath(entryFor(this.#o.entry));
    const workerData = this.#o.workerData;
    const worker =
      extname(entry) === '.ts'
        ? // Node 20's worker threads do not inherit the parent's module hooks: run from TypeScript
          // sources (tests, dev), the thread registers tsx's loader itself, then loads its entry.
          new Worker(
            `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
              `.then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); })`,
            { eval: true, workerData },
          )
        : new Worker(entry, { workerData });
    worker.unref();
    worker.on('message', (frame: unknown) => {
      const parsed = this.#o.replySchema.safeParse(frame);
      const id = parsed.success ? parsed.data.id : (frame as { id?: unknown } | null)?.id;
      const pending = typeof id === 'number' ? this.#pending.get(id) : undefined;
      if (!pending) return;
      this.#pending.delete(id as number);
      if (parsed.success) pending.resolve(parsed.data);
      else pending.reject(new Error(`the ${this.#o.name} sent a malformed reply`));
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    worker.on('error', (error) => fail(new Error(`the ${this.#o.name} failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => fail(new Error(`the ${this.#o.name} ended (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }
}

/** Compiled, a thread's entry is the `.js` module named; run from sources, the `.ts` beside it. */
function entryFor(compiled: URL): URL {
  const runningFrom = extname(fileURLToPath(import.meta.url));
  return runningFrom === '.js' ? compiled : new URL(compiled.href.replace(/\.js$/, runningFrom));
}
