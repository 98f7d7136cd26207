import type { Catalog, Download } from '../../contract/index.js';
import type { SettingsStore } from '../storage/SettingsStore.js';

/**
 * A catalog embedding model that finished downloading becomes the embedding model when none is
 * set, so hybrid search is on as soon as one is there (the documents dialog offers one after the
 * first import). One chosen in Settings is never replaced. Returns whether it was adopted.
 */
export function adoptEmbeddingModel(download: Download, catalog: Catalog, settings: SettingsStore): boolean {
  if (download.state !== 'complete' || download.modelId === null) return false;
  const entry = catalog.entries.find((candidate) => candidate.id === download.entryId);
  if (entry?.family !== 'embedding' || settings.get().embeddingModelId !== null) return false;
  settings.update({ embeddingModelId: download.modelId });
  return true;
}
