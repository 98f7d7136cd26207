import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../format/formatBytes.js';
import { formatParameterCount } from '../../format/formatParameterCount.js';
import { formatTokenRate } from '../../format/formatTokenRate.js';
import { localizedMessage } from '../../i18n/i18n.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { CatalogDownloadButton } from './CatalogDownloadButton.js';
import { FitVerdict } from '../common/FitVerdict.js';
import { failedDownloadOf } from './activeDownloads.js';
import { DownloadFailure } from './DownloadFailure.js';

/** The catalog's pick for this machine, with why, and a one-click download (and why it failed, if it did). */
export function RecommendationCard({ testId }: { testId: string }) {
  const { t } = useTranslation('library');
  const catalog = useAppStore((state) => state.catalog);
  const recommendation = catalog?.recommendation ?? null;
  const entry = catalog?.entries.find((candidate) => candidate.id === recommendation?.entryId);
  const file = entry?.files.find((candidate) => candidate.quantization === recommendation?.quantization);
  const failed = useAppStore((state) =>
    entry && file ? failedDownloadOf(state.downloads, entry.id, file.quantization) : null,
  );
  if (!recommendation || !entry || !file) return null;
  const fit = catalog?.fits.find(
    (candidate) => candidate.entryId === entry.id && candidate.quantization === file.quantization,
  );
  const meta = [
    t('recommendedParameters', { count: formatParameterCount(entry.parameters.total) }),
    ...(file.sizeBytes !== null ? [t('recommendedDownloadSize', { size: formatBytes(file.sizeBytes) })] : []),
    ...(fit?.expectedTokensPerSecond != null
      ? [t('recommendedSpeed', { rate: formatTokenRate(fit.expectedTokensPerSecond) })]
      : []),
  ];

  return (
    <section className="recommendation" data-testid={testId} aria-label={t('recommendedLabel')}>
      <div className="recommendation-mark" aria-hidden="true">
        <Icon name="star" size={18} />
      </div>
      <div className="recommendation-text">
        <p className="recommendation-kicker">{t('recommendedKicker')}</p>
        <p className="recommendation-name">
          {entry.name} <span className="chip">{file.quantization}</span>
        </p>
        <p className="recommendation-reason">
          {localizedMessage({ message: recommendation.reason, text: recommendation.text })}
        </p>
        <p className="recommendation-meta">{meta.join(' · ')}</p>
        {failed && <DownloadFailure download={failed} name={entry.name} />}
      </div>
      <div className="recommendation-actions">
        {fit && <FitVerdict fit={fit.fit} testId="recommendation-fit" />}
        {/* After a failure, Retry in the failure says what the button would: one button, not two. */}
        {!failed && (
          <CatalogDownloadButton
            entryId={entry.id}
            quantization={file.quantization}
            installedModelId={fit?.installedModelId ?? null}
            testId="download-recommendation"
            primary
          />
        )}
      </div>
    </section>
  );
}
