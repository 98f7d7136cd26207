import { z } from 'zod';
import { LocalizedTextSchema } from './i18n/localizedText.js';

/**
 * The local API server as Settings shows and changes it (the renderer's side; the wire format of
 * the API itself is contract/openai.ts).
 */

/** Where the server listens: this PC only, or every network interface (the LAN). */
export const ApiHostSchema = z.enum(['127.0.0.1', '0.0.0.0']);
export type ApiHost = z.infer<typeof ApiHostSchema>;

/** A web page's origin that may call the API from a browser (CORS), e.g. http://localhost:3000. */
export const AllowedOriginSchema = z
  .string()
  .max(200)
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$/, 'an origin is http(s)://host[:port], with no path');

export const ApiServerSettingsSchema = z.strictObject({
  /** Off by default: nothing listens until the user turns it on. */
  enabled: z.boolean(),
  host: ApiHostSchema,
  port: z.int().min(1024).max(65_535),
  allowedOrigins: z.array(AllowedOriginSchema).max(20),
});
export type ApiServerSettings = z.infer<typeof ApiServerSettingsSchema>;

export const DEFAULT_API_PORT = 8484;
export const DEFAULT_API_SERVER: ApiServerSettings = {
  enabled: false,
  host: '127.0.0.1',
  port: DEFAULT_API_PORT,
  allowedOrigins: [],
};

/** A key as Settings lists it: never the key itself, which is shown once when it is made. */
export const ApiKeySummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The key's first characters, to tell keys apart. */
  prefix: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
});
export type ApiKeySummary = z.infer<typeof ApiKeySummarySchema>;

/** One request the API answered (kept in memory, newest first, for Settings). */
export const ServedRequestSchema = z.strictObject({
  at: z.number(),
  method: z.string(),
  path: z.string(),
  status: z.int(),
  model: z.string().nullable(),
  ms: z.number().min(0),
  promptTokens: z.int().min(0).nullable(),
  /** Prompt tokens the answer did not read (a prefix state, or what the engine still held). */
  cachedTokens: z.int().min(0).nullable(),
  completionTokens: z.int().min(0).nullable(),
  /** The key's name, or "no key" when none is required. */
  client: z.string(),
  /** The client went away before the answer was complete (its generation was stopped). */
  aborted: z.boolean(),
});
export type ServedRequest = z.infer<typeof ServedRequestSchema>;

export const ApiServerStatusSchema = z.strictObject({
  settings: ApiServerSettingsSchema,
  /** Listening now. */
  running: z.boolean(),
  /** The base URL clients use (…/v1), when running. */
  url: z.string().nullable(),
  /** Why it is not running though enabled (port in use, no key for the LAN, …). */
  error: z.string().nullable(),
  /** `error` as a catalog key, for the UI's language. */
  errorText: LocalizedTextSchema.optional(),
  keys: z.array(ApiKeySummarySchema),
  /** Requests being answered now. */
  inFlight: z.int().min(0),
  /** Requests answered since the app started. */
  served: z.int().min(0),
  recent: z.array(ServedRequestSchema),
});
export type ApiServerStatus = z.infer<typeof ApiServerStatusSchema>;
