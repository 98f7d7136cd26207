import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('documents');
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
    <section className="embedding-offer" aria-label={t('embeddingOfferLabel')} data-testid="embedding-offer">
      <Icon name="star" />
      <div className="embedding-offer-text">
        <p>
          <strong>{t('embeddingOfferQuestion')}</strong>{' '}
          {t(offer.installedModelId !== null ? 'embeddingOfferTextInstalled' : 'embeddingOfferText', {
            name: offer.name,
            size: formatBytes(offer.sizeBytes),
          })}
        </p>
        {download && (
          <p className="field-hint" role="status" data-testid="embedding-offer-progress">
            {download.state === 'failed'
              ? download.error !== null
                ? t('downloadFailed', { reason: download.error })
                : t('downloadFailedUnknown')
              : progress !== null
                ? t('downloadingPercent', { percent: progress })
                : t('downloading')}
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
            {offer.installedModelId !== null ? t('useIt') : t('downloadSize', { size: formatBytes(offer.sizeBytes) })}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => void commands.updateSettings({ embeddingOfferDismissed: true })}
          data-testid="dismiss-embedding-offer"
        >
          {t('noThanks')}
        </button>
      </div>
    </section>
  );
}
