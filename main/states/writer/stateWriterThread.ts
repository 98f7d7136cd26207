import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import {
  isDiskFull,
  type StateWriterCommand,
  StateWriterCommandSchema,
  type StateWriterReply,
} from '../../../contract/index.js';
import { connectDatabase } from '../../storage/openDatabase.js';
import { StateStore } from '../../storage/StateStore.js';
import { serveJobs } from '../../threads/serveJobs.js';
import { encodeState } from '../stateCodec.js';

/**
 * The state writer thread: its own connection to Hearth's database (main has opened and migrated
 * it), and the heavy part of keeping a saved state — reading the engine's file, checksumming,
 * compressing when that pays, inserting, pruning — off main's event loop. Jobs run one at a time
 * in the order sent.
 */
const { databasePath } = workerData as { databasePath: string };
const db = connectDatabase(databasePath);
const store = new StateStore(db);

serveJobs<StateWriterCommand, StateWriterReply>('state writer', StateWriterCommandSchema, run, (id, error) => ({
  type: 'failed',
  id,
  message: (error as Error).message,
  diskFull: isDiskFull(error),
}));

function run(command: StateWriterCommand): StateWriterReply {
  switch (command.type) {
    case 'put': {
      const raw = readFileSync(command.file);
      const encoded = encodeState(raw);
      const stateId = store.put({
        ...command.owner,
        byteSize: raw.length,
        storedSize: encoded.data.length,
        compression: encoded.compression,
        sha256: encoded.sha256,
        data: encoded.data,
      });
      return { type: 'put', id: command.id, stateId, sha256: encoded.sha256, byteSize: raw.length };
    }
    case 'maintain': {
      const removed = store.pruneBranch(command.branchIds, command.keep) + store.enforceBudget(command.budgetBytes);
      if (removed > 0) store.shrink();
      return { type: 'maintain', id: command.id, removed };
    }
    case 'close':
      db.close();
      return { type: 'closed', id: command.id };
  }
}
