/**
 * Imports documents in a separate process that a test can kill at any moment: a real
 * DocumentService on the given SQLite file, one chunk per transaction so that "mid-indexing" is
 * a wide window. Usage: node --import tsx importInChild.ts <database> <file>...
 */
import { DocumentService } from '../../../main/documents/DocumentService.js';
import { forkLauncher } from '../../../main/engine/transport/forkTransport.js';
import { DocumentStore } from '../../../main/storage/DocumentStore.js';
import { openDatabase } from '../../../main/storage/openDatabase.js';

const [database, ...files] = process.argv.slice(2);
if (!database || files.length === 0) throw new Error('usage: importInChild.ts <database> <file>...');
const db = openDatabase(database);
const service = new DocumentService({
  store: new DocumentStore(db),
  launcher: forkLauncher,
  changed: () => undefined,
  chunking: () => ({ targetChars: 400, overlapChars: 50 }),
  batchSize: 1,
});
await service.import(files, null);
await service.idle();
db.close();
