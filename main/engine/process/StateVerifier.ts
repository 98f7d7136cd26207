import { closeSync } from 'node:fs';
import {
  type StateVerifierCommand,
  type StateVerifierReply,
  StateVerifierReplySchema,
} from '../../../contract/index.js';
import { ThreadClient } from '../../threads/ThreadClient.js';
import type { OpenedState } from './stateFile.js';

/**
 * The engine's side of its state verifier thread (stateVerifierThread.ts). `verify` takes a state
 * file whose layout passed and resolves with the verdict on its bytes: null when they are sound,
 * else why not. It never rejects — a thread that fails is a verdict against the state — and it
 * closes the file once the verdict is in. The thread starts with the model (warm for the first
 * resume); if it dies, the next job starts another.
 */
export class StateVerifier {
  readonly #thread = new ThreadClient<StateVerifierCommand, StateVerifierReply>({
    entry: new URL('./stateVerifierThread.js', import.meta.url),
    workerData: null,
    replySchema: StateVerifierReplySchema,
    name: 'state verifier',
  });

  start(): void {
    this.#thread.start();
  }

  async verify(opened: OpenedState, sha256: string | null): Promise<string | null> {
    try {
      const reply = await this.#thread.send({
        type: 'verify',
        fd: opened.fd,
        size: opened.size,
        sha256,
        payloads: opened.payloads,
      });
      if (reply.type === 'verified') return reply.problem;
      return `its bytes could not be checked (${reply.type === 'failed' ? reply.message : reply.type})`;
    } catch (error) {
      return `its bytes could not be checked (${(error as Error).message})`;
    } finally {
      closeSync(opened.fd);
    }
  }

  close(): Promise<void> {
    return this.#thread.close({ type: 'close' });
  }
}
