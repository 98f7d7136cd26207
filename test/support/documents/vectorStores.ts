import { join } from 'node:path';
import { after } from 'node:test';
import { DocumentStore } from '../../../main/storage/DocumentStore.js';
import { openDatabase, type Db } from '../../../main/storage/openDatabase.js';
import type { VectorIndex } from '../../../main/storage/VectorIndex.js';
import { mulberry32 } from '../../forge/seededRandom.js';
import { tempDir } from '../tempDir.js';

/** Stores with passages and vectors for the vector index and search thread tests. */

const DIMS = 64;
/** A few words spread unevenly over the passages, so BM25 has something to rank. */
const WORDS = ['harbour', 'lighthouse', 'tide', 'beacon', 'ferry', 'anchor', 'gull'];

/** A store in a real database file, with `documents` documents of `perDocument` chunks each. */
export function storeWith(documents: number, perDocument: number, vectors?: (db: Db) => VectorIndex, path?: string) {
  const db = openDatabase(path ?? join(tempDir(), 'hearth.sqlite'));
  after(() => db.close());
  const store = new DocumentStore(db, Date.now, vectors?.(db));
  for (let d = 0; d < documents; d++) {
    const id = `document-${d}`;
    if (store.get(id)) continue;
    store.add({
      id,
      collectionId: null,
      path: `/test/${id}`,
      fileName: `${id}.txt`,
      sizeBytes: 0,
      contentHash: id,
      chunkChars: 1200,
      chunkOverlap: 150,
    });
    store.addChunks(
      id,
      Array.from({ length: perDocument }, (_, ordinal) => ({
        ordinal,
        text: `passage ${ordinal} of ${id} about lanterns, ${WORDS[ordinal % WORDS.length]} and ${WORDS[(ordinal * d) % 5]}`,
        startOffset: 0,
        endOffset: 10,
        page: null,
        headingPath: [],
      })),
    );
    store.setStatus(id, 'indexed');
  }
  const chunks = db
    .prepare<[], { id: number; document_id: string }>('SELECT id, document_id FROM chunks ORDER BY id')
    .all();
  return { db, store, chunks };
}

export function randomUnitVectors(count: number, seed: number): Float32Array[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const vector = Float32Array.from({ length: DIMS }, () => random() * 2 - 1);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}
