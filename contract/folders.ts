import { z } from 'zod';
import { LocalizedTextSchema } from './i18n/localizedText.js';

/**
 * Folders of documents: imported once (recursively, by type) or watched, so files added, changed
 * or deleted later are indexed, re-indexed or removed.
 */

/** Documents one folder may hold: above it an import is refused whole, with a clear error. */
export const MAX_FOLDER_DOCUMENTS = 5000;

export const WatchedFolderSchema = z.strictObject({
  id: z.string(),
  path: z.string(),
  collectionId: z.string().nullable(),
  createdAt: z.number(),
});
export type WatchedFolder = z.infer<typeof WatchedFolderSchema>;

/** What importing a folder did: documents queued or already there, and what was passed over. */
export const FolderImportSchema = z.strictObject({
  path: z.string(),
  queued: z.int().min(0),
  unchanged: z.int().min(0),
  /** Documents of a supported type that were refused (too large, unreadable), first ones named. */
  refused: z.array(z.strictObject({ path: z.string(), error: z.string(), errorText: LocalizedTextSchema.optional() })),
  refusedCount: z.int().min(0),
  /** Files passed over, not errors: of another type, hidden, or links (never followed: no loops). */
  skipped: z.strictObject({ unsupported: z.int().min(0), hidden: z.int().min(0), links: z.int().min(0) }),
  /** The folder, when it is now watched. */
  watched: WatchedFolderSchema.nullable(),
});
export type FolderImport = z.infer<typeof FolderImportSchema>;
