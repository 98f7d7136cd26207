import {
  AppError,
  DISK_FULL_MESSAGE,
  type StateOwner,
  type StateWriterCommand,
  type StateWriterReply,
  StateWriterReplySchema,
} from '../../../contract/index.js';
import { ThreadClient, type ThreadJob } from '../../threads/ThreadClient.js';

export interface StoredState {
  stateId: number;
  sha256: string;
  byteSize: number;
}

/**
 * Main's side of the state writer thread (stateWriterThread.ts): sends it jobs, one at a time in
 * order, and resolves each with its reply. The thread starts on the first job; if it dies, the
 * jobs in flight fail (their states are lost, never the conversation) and the next job starts a
 * new one.
 */
export class StateWriter {
  readonly #thread: ThreadClient<StateWriterCommand, StateWriterReply>;

  constructor(databasePath: string) {
    this.#thread = new ThreadClient({
      entry: new URL('./stateWriterThread.js', import.meta.url),
      workerData: { databasePath },
      replySchema: StateWriterReplySchema,
      name: 'state writer',
    });
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
  close(): Promise<void> {
    return this.#thread.close({ type: 'close' });
  }

  async #send(job: ThreadJob<StateWriterCommand>): Promise<StateWriterReply> {
    const reply = await this.#thread.send(job);
    if (reply.type !== 'failed') return reply;
    throw reply.diskFull ? new AppError('disk_full', DISK_FULL_MESSAGE) : new Error(reply.message);
  }
}
