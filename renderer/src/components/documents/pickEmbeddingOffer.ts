import type { CatalogEntry, CatalogFit } from '../../../../contract/index.js';

export interface EmbeddingOffer {
  entryId: string;
  name: string;
  quantization: string;
  sizeBytes: number;
  /** Already in the library: it only needs choosing. */
  installedModelId: string | null;
}

/**
 * The embedding model to offer: the smallest catalog one, in Q8_0 where it has it (an embedding
 * model is small already; a 4-bit one saves a few megabytes and loses some of its accuracy).
 * One already installed wins, as it costs no download.
 */
export function pickEmbeddingOffer(
  entries: readonly CatalogEntry[],
  fits: readonly CatalogFit[],
): EmbeddingOffer | null {
  const offers = entries
    .filter((entry) => entry.family === 'embedding')
    .flatMap((entry) => {
      const file = entry.files.find((candidate) => candidate.quantization === 'Q8_0') ?? entry.files[0];
      if (!file || file.sizeBytes === null) return [];
      const installed = fits.find((fit) => fit.entryId === entry.id && fit.installedModelId !== null);
      return [
        {
          entryId: entry.id,
          name: entry.name,
          quantization: installed?.quantization ?? file.quantization,
          sizeBytes: file.sizeBytes,
          installedModelId: installed?.installedModelId ?? null,
        },
      ];
    })
    .sort(
      (a, b) => Number(b.installedModelId !== null) - Number(a.installedModelId !== null) || a.sizeBytes - b.sizeBytes,
    );
  return offers[0] ?? null;
}
