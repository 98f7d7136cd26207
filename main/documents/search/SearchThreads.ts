import {
  type ChunkHit,
  type SearchThreadCommand,
  type SearchThreadReply,
  SearchThreadReplySchema,
} from '../../../contract/index.js';
import type { DocumentStore } from '../../storage/DocumentStore.js';
import { ThreadClient, type ThreadJob } from '../../threads/ThreadClient.js';

/** One for BM25, one for the vector scan: a hybrid question's two searches run side by side. */
const THREADS = 2;

type SearchThread = ThreadClient<SearchThreadCommand, SearchThreadReply>;

/** Which way searches ran (tests, the log): in a search thread, or on main's connection. */
export interface SearchCounts {
  inThreads: number;
  inProcess: number;
}

/**
 * Document searches off main's event loop: BM25 and vector KNN in search threads
 * (searchThread.ts), each job to the thread with the fewest in flight, so the two searches of a
 * hybrid question overlap. The index is caught up on main's connection (the only writer) before
 * each vector search. An in-memory database has no file for a thread to open, and a thread that
 * fails (sqlite-vec does not load there) hands its job back, and one that dies or cannot start
 * turns the threads off: those searches run in-process, with the same store code, so search never
 * depends on the threads.
 */
export class SearchThreads {
  readonly #store: DocumentStore;
  readonly #log: (line: string) => void;
  readonly #threads: SearchThread[];
  /** Set when a thread died or could not start: it would fail again, so searches stay on main. */
  #threadsOff = false;
  #fallbackLogged = false;
  readonly counts: SearchCounts = { inThreads: 0, inProcess: 0 };

  constructor(store: DocumentStore, log: (line: string) => void = () => undefined) {
    this.#store = store;
    this.#log = log;
    const databasePath = store.databasePath;
    this.#threads = databasePath
      ? Array.from(
          { length: THREADS },
          (_, index) =>
            new ThreadClient({
              entry: new URL('./searchThread.js', import.meta.url),
              workerData: { databasePath },
              replySchema: SearchThreadReplySchema,
              name: `search thread ${index + 1}`,
            }),
        )
      : [];
  }

  /** Starts the threads ahead of the first question (the app does when documents are indexed). */
  warm(): void {
    if (!this.#threadsOff) for (const thread of this.#threads) thread.start();
  }

  /** BM25 search (DocumentStore.search). */
  async keyword(question: string, limit: number, documentIds: readonly string[] | null): Promise<ChunkHit[]> {
    const reply = await this.#run(
      { type: 'keyword', question, limit, documentIds: documentIds ? [...documentIds] : null },
      'keyword',
    );
    return reply ? reply.hits : this.#store.search(question, limit, documentIds);
  }

  /** The passages nearest `query` (VectorIndex.nearest), the index caught up first. */
  async nearest(
    model: string,
    query: Float32Array,
    k: number,
    documentIds: readonly string[] | null,
  ): Promise<number[]> {
    const vectors = this.#store.vectors;
    vectors.catchUp(model);
    const reply = await this.#run(
      { type: 'nearest', model, query, k, documentIds: documentIds ? [...documentIds] : null },
      'nearest',
    );
    return reply ? reply.chunkIds : vectors.nearest(model, query, k, documentIds);
  }

  /** Ends the threads (their connections closed first). */
  async close(): Promise<void> {
    await Promise.all(this.#threads.map((thread) => thread.close({ type: 'close' })));
  }

  /** The job's reply from the least busy thread, or null when it must run in-process. */
  async #run<T extends 'keyword' | 'nearest'>(
    job: ThreadJob<SearchThreadCommand>,
    type: T,
  ): Promise<Extract<SearchThreadReply, { type: T }> | null> {
    const thread = this.#threads.reduce<SearchThread | undefined>(
      (best, candidate) => (!best || candidate.pending < best.pending ? candidate : best),
      undefined,
    );
    if (thread && !this.#threadsOff) {
      try {
        const reply = await thread.send(job);
        if (reply.type === type) {
          this.counts.inThreads++;
          return reply as Extract<SearchThreadReply, { type: T }>;
        }
        this.#fellBack(reply.type === 'failed' ? reply.message : `it answered ${reply.type}`);
      } catch (error) {
        this.#threadsOff = true;
        this.#fellBack((error as Error).message);
      }
    }
    this.counts.inProcess++;
    return null;
  }

  #fellBack(why: string): void {
    if (this.#fallbackLogged) return;
    this.#fallbackLogged = true;
    this.#log(`a document search ran on main's connection instead of a search thread (${why})`);
  }
}
