import { z } from 'zod';
import { LocalizedTextSchema } from './i18n/localizedText.js';

/**
 * Documents: what extraction produces (a document's text with its structure) and what chunking
 * cuts it into. Extraction runs in a worker process and its result crosses a process boundary, so
 * the shapes are checked here, offsets included: a citation is only as good as its offsets.
 */

export const DocumentKindSchema = z.enum(['pdf', 'docx', 'markdown', 'html', 'text']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** The longest text a document may have once extracted (about 20,000 dense pages). */
export const MAX_DOCUMENT_CHARS = 50_000_000;

const OffsetSchema = z.int().min(0).max(MAX_DOCUMENT_CHARS);
/** Headings from the outermost in: ['Chapter 2', 'Installing', 'From a USB stick']. */
const HeadingPathSchema = z.array(z.string().min(1).max(500)).max(16);
const PageSchema = z.int().min(1).nullable();

export const DocumentSectionSchema = z
  .strictObject({
    headingPath: HeadingPathSchema,
    /** 1-based PDF page; null for formats without pages. */
    page: PageSchema,
    /** Exactly `document.text.slice(start, end)`; a heading's own line is part of its section. */
    text: z.string().min(1),
    start: OffsetSchema,
    end: OffsetSchema,
  })
  .refine((section) => section.end - section.start === section.text.length, {
    message: 'A section spans exactly its text',
    path: ['end'],
  });
export type DocumentSection = z.infer<typeof DocumentSectionSchema>;

export const ExtractedDocumentSchema = z
  .strictObject({
    kind: DocumentKindSchema,
    /** The document's own title (PDF metadata, HTML <title>, first heading), else the file name. */
    title: z.string().min(1).max(500),
    pageCount: z.int().min(1).nullable(),
    /** The whole text: sections in order, joined by blank lines. Offsets everywhere index this string. */
    text: z.string().min(1).max(MAX_DOCUMENT_CHARS),
    sections: z.array(DocumentSectionSchema).min(1),
  })
  .superRefine((document, context) => {
    let previousEnd = 0;
    document.sections.forEach((section, index) => {
      const problem =
        section.start < previousEnd
          ? 'starts before the previous section ends'
          : section.end > document.text.length
            ? 'ends after the text'
            : document.text.slice(section.start, section.end) !== section.text
              ? 'does not match the text at its offsets'
              : document.pageCount !== null && (section.page === null || section.page > document.pageCount)
                ? 'names no page of the document'
                : null;
      if (problem)
        context.addIssue({ code: 'custom', message: `Section ${index} ${problem}`, path: ['sections', index] });
      previousEnd = section.end;
    });
  });
export type ExtractedDocument = z.infer<typeof ExtractedDocumentSchema>;

/**
 * Why a file gave no document. Beyond the obvious: `no_text` is a PDF whose pages are images
 * (a scan without OCR); `unreadable` is a file the OS would not let us read; `failed` is an
 * extractor that crashed, ran out of memory or time; `cancelled` is the user's doing.
 */
export const ExtractionErrorCodeSchema = z.enum([
  'encrypted',
  'no_text',
  'corrupt',
  'empty',
  'unsupported_type',
  'too_large',
  'unreadable',
  'failed',
  'cancelled',
]);
export type ExtractionErrorCode = z.infer<typeof ExtractionErrorCodeSchema>;

/**
 * `message` is written for the user and names the problem, not the file (the UI shows the file).
 * `text` is the same message as a catalog key, shown in the UI's language; failures stored before
 * there were keys have only their English `message`.
 */
export const ExtractionErrorSchema = z.strictObject({
  code: ExtractionErrorCodeSchema,
  message: z.string().min(1).max(1000),
  text: LocalizedTextSchema.optional(),
});
export type ExtractionErrorValue = z.infer<typeof ExtractionErrorSchema>;

/** Main → extraction worker. */
export const ExtractWorkerCommandSchema = z.strictObject({
  type: z.literal('extract'),
  path: z.string().min(1).max(4096),
});
export type ExtractWorkerCommand = z.infer<typeof ExtractWorkerCommandSchema>;

/** Extraction worker → main. `rssBytes` lets main (and the tests) watch the worker's memory. */
export const ExtractWorkerReportSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('progress'),
    page: z.int().min(1),
    pageCount: z.int().min(1),
    rssBytes: z.int().min(0),
  }),
  z.strictObject({ type: z.literal('done'), document: ExtractedDocumentSchema }),
  z.strictObject({ type: z.literal('failed'), error: ExtractionErrorSchema }),
]);
export type ExtractWorkerReport = z.infer<typeof ExtractWorkerReportSchema>;

/** How documents are cut for retrieval; a setting later, so its bounds live here. */
export const ChunkingOptionsSchema = z
  .strictObject({
    /** Aimed-for chunk length in characters; a chunk may end a little earlier at a good break. */
    targetChars: z.int().min(100).max(20_000),
    /** Characters repeated from the end of one chunk at the start of the next, within a section. */
    overlapChars: z.int().min(0).max(10_000),
  })
  .refine((options) => options.overlapChars <= options.targetChars / 2, {
    message: 'The overlap is at most half the chunk size',
    path: ['overlapChars'],
  });
export type ChunkingOptions = z.infer<typeof ChunkingOptionsSchema>;

/** Measured on eval:docs (bench/results/eval-docs.md): 2,000 beat 1,200 and 1,600 on recall@5. */
export const DEFAULT_CHUNKING: ChunkingOptions = { targetChars: 2000, overlapChars: 200 };

export const DocumentChunkSchema = z
  .strictObject({
    /** 0-based position in the document. */
    ordinal: z.int().min(0),
    /** Exactly `document.text.slice(startOffset, endOffset)`, so a citation can highlight it. */
    text: z.string().min(1),
    startOffset: OffsetSchema,
    endOffset: OffsetSchema,
    page: PageSchema,
    headingPath: HeadingPathSchema,
  })
  .refine((chunk) => chunk.endOffset - chunk.startOffset === chunk.text.length, {
    message: 'A chunk spans exactly its text',
    path: ['endOffset'],
  });
export type DocumentChunk = z.infer<typeof DocumentChunkSchema>;

/** Where a document's import stands; rows between queued and indexed are continued after a restart. */
export const DocumentStatusSchema = z.enum(['queued', 'extracting', 'indexing', 'indexed', 'failed', 'cancelled']);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

export const DocumentSummarySchema = z.strictObject({
  id: z.string(),
  collectionId: z.string().nullable(),
  fileName: z.string(),
  path: z.string(),
  sizeBytes: z.int().min(0),
  kind: DocumentKindSchema.nullable(),
  title: z.string().nullable(),
  pageCount: z.int().min(1).nullable(),
  status: DocumentStatusSchema,
  /** Why it failed, written for the user, with the extraction error code. */
  error: ExtractionErrorSchema.nullable(),
  /** Extraction progress (PDF pages) while extracting; null otherwise. */
  pagesRead: z.int().min(0).nullable(),
  chunksTotal: z.int().min(0),
  chunksIndexed: z.int().min(0),
  createdAt: z.number(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const CollectionSchema = z.strictObject({
  id: z.string(),
  name: z.string().min(1).max(200),
  createdAt: z.number(),
});
export type Collection = z.infer<typeof CollectionSchema>;

/** One retrieved passage, with everything a citation needs to open it. */
export const SearchHitSchema = z.strictObject({
  chunkId: z.int().min(1),
  documentId: z.string(),
  fileName: z.string(),
  title: z.string().nullable(),
  page: PageSchema,
  headingPath: HeadingPathSchema,
  text: z.string(),
  startOffset: OffsetSchema,
  endOffset: OffsetSchema,
  /** Rank-fusion score (higher is better); with BM25 alone, 1 / (60 + rank). */
  score: z.number(),
  /** The reranker's relevance (0..1), present when a reranking model reordered the results. */
  relevance: z.number().min(0).max(1).optional(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** What an import did with each file given. */
export const ImportOutcomeSchema = z.strictObject({
  path: z.string(),
  /** queued: a new document; unchanged: the same content was already imported here. */
  outcome: z.enum(['queued', 'unchanged', 'refused']),
  documentId: z.string().nullable(),
  error: z.string().nullable(),
  /** `error` as a catalog key, for the UI's language (absent from a main without keys). */
  errorText: LocalizedTextSchema.optional(),
});
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;
