import { z } from 'zod';
import { ModelIdSchema, Sha256Schema } from './domain.js';
import { ExecutionPlanSchema, ModelFactsSchema } from './hardware.js';
import { LocalizedTextSchema } from './i18n/localizedText.js';

/**
 * The model library: the catalog shipped with the app, downloads, imported files and the model
 * card. The catalog is data read from disk at start, so it is validated like any other input.
 */

export const ModelFamilySchema = z.enum([
  'rwkv7',
  'rwkv6',
  'mamba',
  'mamba2',
  'hybrid',
  'moe',
  'dense',
  'embedding',
  'reranker',
]);
export type ModelFamily = z.infer<typeof ModelFamilySchema>;

/** node-llama-cpp's model URIs: `hf:<owner>/<repo>/<path>.gguf` (a file, optionally `#branch`), or an http(s) URL. */
export const ModelUriSchema = z
  .string()
  .max(2048)
  .refine(
    (uri) =>
      /^hf:[\w.-]+\/[\w.-]+\/(?:[\w.-]+\/)*[\w.-]+\.gguf(?:#[\w.-]+)?$/.test(uri) ||
      /^https?:\/\/[^\s/]+\/\S+\.gguf(?:\?\S*)?$/.test(uri),
    { message: 'A model URI is hf:<owner>/<repo>/<file>.gguf or an http(s) URL of a .gguf file' },
  );

export const CatalogFileSchema = z.strictObject({
  /** llama.cpp's quantization name, e.g. Q4_K_M, Q8_0, F16. */
  quantization: z.string().regex(/^[A-Za-z0-9_]{2,16}$/),
  uri: ModelUriSchema,
  /** null: not known (only allowed in an unconfirmed entry). */
  sizeBytes: z
    .int()
    .min(1_000_000)
    .max(2 ** 45)
    .nullable(),
  /** false: rounded from a size shown as "2.49 GB"; the download is then checked against the server's size only. */
  sizeIsExact: z.boolean(),
  /** Only where the source publishes it (a Hugging Face LFS page); the download must match it. */
  sha256: Sha256Schema.optional(),
});
export type CatalogFile = z.infer<typeof CatalogFileSchema>;

export const CatalogEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,63}$/),
    name: z.string().min(2).max(80),
    family: ModelFamilySchema,
    /** GGUF `general.architecture`, as llama.cpp names it. */
    architecture: z.string().regex(/^[a-z0-9_-]{2,32}$/),
    publisher: z.string().min(2).max(80),
    licence: z.string().min(2).max(80),
    parameters: z.strictObject({
      total: z.int().min(1_000_000),
      /** Parameters used per token: the total for dense models, the routed share for MoE. */
      active: z.int().min(1_000_000),
    }),
    contextLength: z.int().min(512).max(10_000_000),
    description: z.string().min(10).max(300),
    homepage: z.url({ protocol: /^https$/ }),
    files: z.array(CatalogFileSchema).min(1).max(6),
    /** Whether the repository, file names and sizes were checked against the public model card. */
    confirmed: z.boolean(),
    /** How it was confirmed: hf-page, multiple-pinned-manifests, single-pinned-manifest, ... */
    confirmationLevel: z.string().max(80).nullable(),
    confirmation: z.string().min(5).max(1200),
  })
  .refine((entry) => !entry.confirmed || entry.files.every((file) => file.sizeBytes !== null), {
    message: 'A confirmed entry states every file size',
    path: ['files'],
  })
  .refine((entry) => entry.parameters.active <= entry.parameters.total, {
    message: 'Active parameters cannot exceed the total',
    path: ['parameters', 'active'],
  })
  // Hybrids may route experts too (Granite-4.0-H-Tiny is a hybrid MoE); every other family is dense.
  .refine(
    (entry) =>
      entry.family === 'hybrid' || (entry.family === 'moe') === entry.parameters.active < entry.parameters.total,
    { message: 'Only Mixture-of-Experts entries have fewer active than total parameters', path: ['parameters'] },
  )
  .refine((entry) => new Set(entry.files.map((file) => file.quantization)).size === entry.files.length, {
    message: 'Each quantization is listed once',
    path: ['files'],
  });
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export const CatalogSchema = z
  .strictObject({
    version: z.literal(1),
    /** When the entries were last checked against their model cards (YYYY-MM-DD). */
    checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    entries: z.array(CatalogEntrySchema).min(1),
  })
  .refine((catalog) => new Set(catalog.entries.map((entry) => entry.id)).size === catalog.entries.length, {
    message: 'Catalog ids are unique',
  });
export type Catalog = z.infer<typeof CatalogSchema>;

/** How one catalog file would run here, estimated before download from its size and parameters. */
export const CatalogFitSchema = z.strictObject({
  entryId: z.string(),
  quantization: z.string(),
  fit: z.enum(['vram', 'partial', 'ram', 'no']),
  expectedTokensPerSecond: z.number().min(0).nullable(),
  /** Already in the library: its model id. */
  installedModelId: ModelIdSchema.nullable(),
});
export type CatalogFit = z.infer<typeof CatalogFitSchema>;

export const RecommendationSchema = z.strictObject({
  entryId: z.string(),
  quantization: z.string(),
  /** Why this one, in English (logs, the local API). */
  reason: z.string(),
  /** The same reason as a catalog key, shown in the UI's language. */
  text: LocalizedTextSchema.optional(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const DownloadStateSchema = z.enum(['queued', 'downloading', 'paused', 'verifying', 'failed', 'complete']);
export type DownloadState = z.infer<typeof DownloadStateSchema>;

export const DownloadSchema = z.strictObject({
  id: z.string(),
  /** The catalog entry it came from; null for a URI the user gave. */
  entryId: z.string().nullable(),
  quantization: z.string().nullable(),
  uri: z.string(),
  fileName: z.string(),
  state: DownloadStateSchema,
  /** 0 until the server said how large the file is. */
  totalBytes: z.int().min(0),
  receivedBytes: z.int().min(0),
  /** Average over the current attempt; 0 when not downloading. */
  bytesPerSecond: z.number().min(0),
  /** null when unknown (not started, paused, no speed yet). */
  secondsLeft: z.number().min(0).nullable(),
  attempts: z.int().min(0),
  /** Why it failed, or what the current retry is recovering from; written for the user, in English. */
  error: z.string().nullable(),
  /** The same as a catalog key, when there is one, shown in the UI's language. */
  errorText: LocalizedTextSchema.optional(),
  /** The library id once complete and verified. */
  modelId: ModelIdSchema.nullable(),
  createdAt: z.number(),
});
export type Download = z.infer<typeof DownloadSchema>;

export const StartDownloadSchema = z.union([
  z.strictObject({ entryId: z.string().max(64), quantization: z.string().max(16) }),
  z.strictObject({ uri: ModelUriSchema, sha256: Sha256Schema.optional() }),
]);
export type StartDownload = z.infer<typeof StartDownloadSchema>;

/** What a saved conversation state costs for this model. */
export const StateCostSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('recurrent'), bytes: z.int().min(0) }),
  z.strictObject({ kind: z.literal('attention'), bytesPer1kTokens: z.int().min(0) }),
  z.strictObject({ kind: z.literal('hybrid'), bytes: z.int().min(0), bytesPer1kTokens: z.int().min(0) }),
]);
export type StateCost = z.infer<typeof StateCostSchema>;

/** Everything the library knows about one model file, inspected in the engine process. */
export const ModelCardSchema = z.strictObject({
  modelId: ModelIdSchema,
  path: z.string(),
  source: z.enum(['folder', 'linked']),
  family: ModelFamilySchema,
  facts: ModelFactsSchema,
  /** tokenizer.ggml.model, e.g. "gpt2", "llama", "rwkv". */
  tokenizer: z.string().nullable(),
  vocabularySize: z.int().min(0),
  /** The chat template stored in the file; null when it has none (a generic one is used). */
  chatTemplate: z.string().nullable(),
  stateCost: StateCostSchema,
  plan: ExecutionPlanSchema,
  /** The catalog entry this file matches, by file name. */
  catalogEntryId: z.string().nullable(),
  licence: z.string().nullable(),
});
export type ModelCard = z.infer<typeof ModelCardSchema>;

/**
 * The download worker: a small process that runs node-llama-cpp's downloader for one attempt, so
 * that the downloader's failures (its write errors can escape as unhandled rejections) end that
 * process, never main. Main → worker:
 */
export const DownloadWorkerCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('start'),
    uri: ModelUriSchema,
    dirPath: z.string().min(1),
    fileName: z.string().regex(/^[\w.+() -]+\.gguf$/i),
  }),
  /** Stop, keeping the partial file for a later resume. */
  z.strictObject({ type: z.literal('stop') }),
]);
export type DownloadWorkerCommand = z.infer<typeof DownloadWorkerCommandSchema>;

/** Worker → main. */
export const DownloadWorkerReportSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('progress'), downloadedBytes: z.int().min(0), totalBytes: z.int().min(0) }),
  z.strictObject({ type: z.literal('done'), path: z.string() }),
  z.strictObject({ type: z.literal('stopped') }),
  /** `code`: the file-system error code (ENOSPC, …) when there was one. */
  z.strictObject({ type: z.literal('failed'), message: z.string(), code: z.string().nullable() }),
]);
export type DownloadWorkerReport = z.infer<typeof DownloadWorkerReportSchema>;
