import { useEffect, useState } from 'react';
import { formatBytes } from '../../format/formatBytes.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { pickEmbeddingOffer } from './pickEmbeddingOffer.js';

/**
 * Once documents are imported and no embedding model is set: an offer of the smallest one in the
 * catalog, with its size and what it adds. Downloaded through the library's own downloads; main
 * makes it the embedding model when it is in, so hybrid search is on from then. Declining is
 * remembered (a setting).
 */
export function EmbeddingOfferCard() {
  const commands = useCommands();
  const settings = useAppStore((state) => state.settings);
  const hasDocuments = useAppStore((state) => state.documents.length > 0);
  const catalog = useAppStore((state) => state.catalog);
  const offer = catalog ? pickEmbeddingOffer(catalog.entries, catalog.fits) : null;
  const download = useAppStore((state) =>
    offer
      ? state.downloads.find((candidate) => candidate.entryId === offer.entryId && candidate.state !== 'complete')
      : undefined,
  );
  const [error, setError] = useState<string | null>(null);
  const wanted =
    settings !== null && settings.embeddingModelId === null && !settings.embeddingOfferDismissed && hasDocuments;

  useEffect(() => {
    if (wanted && catalog === null) void commands.refreshCatalog();
  }, [wanted, catalog, commands]);

  if (!wanted || !offer) return null;

  const accept = async () => {
    setError(null);
    if (offer.installedModelId !== null) {
      await commands.updateSettings({ embeddingModelId: offer.installedModelId });
      return;
    }
    setError(await commands.startDownload({ entryId: offer.entryId, quantization: offer.quantization }));
  };
  const progress =
    download && download.totalBytes > 0 ? Math.floor((download.receivedBytes / download.totalBytes) * 100) : null;

  return (
    <section className="embedding-offer" aria-label="Search by meaning" data-testid="embedding-offer">
      <Icon name="star" />
      <div className="embedding-offer-text">
        <p>
          <strong>Search by meaning, too?</strong> {offer.name} ({formatBytes(offer.sizeBytes)}
          {offer.installedModelId !== null && ', already downloaded'}) finds passages by meaning, not only by words:
          questions worded differently from the documents still find their answer. It runs on this computer.
        </p>
        {download && (
          <p className="field-hint" role="status" data-testid="embedding-offer-progress">
            {download.state === 'failed'
              ? `The download failed: ${download.error ?? 'try again from the model library.'}`
              : `Downloading${progress !== null ? ` · ${progress}%` : '…'} It becomes the search model once it is in.`}
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="embedding-offer-actions">
        {!download && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void accept()}
            data-testid="accept-embedding-offer"
          >
            <Icon name={offer.installedModelId !== null ? 'check' : 'download'} />
            {offer.installedModelId !== null ? 'Use it' : `Download ${formatBytes(offer.sizeBytes)}`}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => void commands.updateSettings({ embeddingOfferDismissed: true })}
          data-testid="dismiss-embedding-offer"
        >
          No thanks
        </button>
      </div>
    </section>
  );
}
