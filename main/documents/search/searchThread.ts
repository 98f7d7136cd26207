import { workerData } from 'node:worker_threads';
import {
  type SearchThreadCommand,
  SearchThreadCommandSchema,
  type SearchThreadReply,
} from '../../../contract/index.js';
import { DocumentStore } from '../../storage/DocumentStore.js';
import { connectDatabase } from '../../storage/openDatabase.js';
import { VectorIndex } from '../../storage/VectorIndex.js';
import { serveJobs } from '../../threads/serveJobs.js';

/**
 * A document search thread: its own read-only connection to Hearth's database (SQLite refuses any
 * write through it), with sqlite-vec loaded on first use, answering BM25 and vector searches with
 * the same store code main would run. Jobs run one at a time in the order sent.
 */
const { databasePath } = workerData as { databasePath: string };
const db = connectDatabase(databasePath, { readOnly: true });
const store = new DocumentStore(db, Date.now, new VectorIndex(db, { readOnly: true }));

serveJobs<SearchThreadCommand, SearchThreadReply>('search thread', SearchThreadCommandSchema, run, (id, error) => ({
  type: 'failed',
  id,
  message: (error as Error).message,
}));

function run(command: SearchThreadCommand): SearchThreadReply {
  switch (command.type) {
    case 'keyword':
      return {
        type: 'keyword',
        id: command.id,
        hits: store.search(command.question, command.limit, command.documentIds),
      };
    case 'nearest': {
      const unavailable = store.vectors.unavailable;
      if (unavailable) throw new Error(`sqlite-vec did not load in the search thread: ${unavailable}`);
      const chunkIds = store.vectors.nearest(command.model, command.query, command.k, command.documentIds);
      return { type: 'nearest', id: command.id, chunkIds };
    }
    case 'close':
      db.close();
      return { type: 'closed', id: command.id };
  }
}
