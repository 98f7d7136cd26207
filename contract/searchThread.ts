import { z } from 'zod';

/**
 * Main ↔ the document search threads (main/documents/search): at 100k passages one BM25 query
 * and one vector KNN scan each hold a thread for tens of milliseconds. Run in two threads on their
 * own read-only connections, they overlap each other and leave main's event loop free.
 */

const JobId = z.int().min(0);
const DocumentIds = z.array(z.string().min(1)).nullable();

/** Main → a search thread. */
export const SearchThreadCommandSchema = z.discriminatedUnion('type', [
  /** BM25 over the passages (DocumentStore.search). */
  z.strictObject({
    type: z.literal('keyword'),
    id: JobId,
    question: z.string(),
    limit: z.int().min(1),
    documentIds: DocumentIds,
  }),
  /** The passages nearest a query vector (VectorIndex.nearest); main has caught the index up. */
  z.strictObject({
    type: z.literal('nearest'),
    id: JobId,
    model: z.string().min(1),
    query: z.custom<Float32Array>((value) => value instanceof Float32Array, 'a Float32Array'),
    k: z.int().min(1),
    documentIds: DocumentIds,
  }),
  /** Close the connection; the thread ends. */
  z.strictObject({ type: z.literal('close'), id: JobId }),
]);
export type SearchThreadCommand = z.infer<typeof SearchThreadCommandSchema>;

/** One BM25 hit (DocumentStore's ChunkHit). */
export const ChunkHitSchema = z.strictObject({
  chunkId: z.int(),
  documentId: z.string(),
  ordinal: z.int().min(0),
  text: z.string(),
  startOffset: z.int().min(0),
  endOffset: z.int().min(0),
  page: z.int().nullable(),
  headingPath: z.array(z.string()),
  /** FTS5's bm25(): lower is better. */
  bm25: z.number(),
});
export type ChunkHit = z.infer<typeof ChunkHitSchema>;

/** A search thread → main. */
export const SearchThreadReplySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('keyword'), id: JobId, hits: z.array(ChunkHitSchema) }),
  z.strictObject({ type: z.literal('nearest'), id: JobId, chunkIds: z.array(z.int()) }),
  z.strictObject({ type: z.literal('closed'), id: JobId }),
  z.strictObject({ type: z.literal('failed'), id: JobId, message: z.string() }),
]);
export type SearchThreadReply = z.infer<typeof SearchThreadReplySchema>;
