import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  AppError,
  DISK_FULL_MESSAGE,
  type StateOwner,
  type StateWriterCommand,
  type StateWriterReply,
  StateWriterReplySchema,
} from '../../../contract/index.js';

/** Compiled, the thread's entry is the `.js` beside this module; run from sources, the `.ts`. */
const THREAD_ENTRY = fileURLToPath(
  new URL(`./stateWriterThread${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

export interface StoredState {
  stateId: number;
  sha256: string;
  byteSize: number;
}

type Job = StateWriterCommand extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

interface Pending {
  resolve: (reply: StateWriterReply) => void;
  reject: (error: Error) => void;
}

/**
 * Main's side of the state writer thread (stateWriterThread.ts): sends it jobs, one at a time in
 * order, and resolves each with its reply. The thread starts on the first job; if it dies, the
 * jobs in flight fail (their states are lost, never the conversation) and the next job starts a
 * new one.
 */
export class StateWriter {
  readonly #databasePath: string;
  #worker: Worker | null = null;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(databasePath: string) {
    this.#databasePath = databasePath;
  }

  /** Stores the state file at `file` for `owner`; resolves with its row id and checksum. */
  async put(file: string, owner: StateOwner): Promise<StoredState> {
    const reply = await this.#send({ type: 'put', file, owner });
    if (reply.type !== 'put') throw new Error(`the state writer answered ${reply.type} to put`);
    return { stateId: reply.stateId, sha256: reply.sha256, byteSize: reply.byteSize };
  }

  /** Prunes a branch to its newest `keep` states and the total to `budgetBytes`; how many went. */
  async maintain(branchIds: readonly string[], keep: number, budgetBytes: number): Promise<number> {
    const reply = await this.#send({ type: 'maintain', branchIds: [...branchIds], keep, budgetBytes });
    if (reply.type !== 'maintain') throw new Error(`the state writer answered ${reply.type} to maintain`);
    return reply.removed;
  }

  /** Closes the thread's connection and ends it (jobs already sent finish first). */
  async close(): Promise<void> {
    const worker = this.#worker;
    if (!worker) return;
    await this.#send({ type: 'close' }).catch(() => undefined);
    await worker.terminate();
  }

  #send(job: Job): Promise<StateWriterReply> {
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    return new Promise<StateWriterReply>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } satisfies StateWriterCommand);
    }).then((reply) => {
      if (reply.type !== 'failed') return reply;
      throw reply.diskFull ? new AppError('disk_full', DISK_FULL_MESSAGE) : new Error(reply.message);
    });
  }

  #start(): Worker {
    const workerData = { databasePath: this.#databasePath };
    const worker =
      extname(THREAD_ENTRY) === '.ts'
        ? // Node 20's worker threads do not inherit the parent's module hooks: run from TypeScript
          // sources (tests, dev), the thread registers tsx's loader itself, then loads its entry.
          new Worker(
            `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
              `.then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(THREAD_ENTRY).href)}); })`,
            { eval: true, workerData },
          )
        : new Worker(THREAD_ENTRY, { workerData });
    // Idle between jobs, the thread must not keep the process alive.
    worker.unref();
    worker.on('message', (frame: unknown) => {
      const parsed = StateWriterReplySchema.safeParse(frame);
      if (!parsed.success) return;
      const pending = this.#pending.get(parsed.data.id);
      this.#pending.delete(parsed.data.id);
      pending?.resolve(parsed.data);
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    worker.on('error', (error) => fail(new Error(`the state writer failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => fail(new Error(`the state writer ended (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }
}
