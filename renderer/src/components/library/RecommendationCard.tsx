import { formatBytes } from '../../format/formatBytes.js';
import { formatParameterCount } from '../../format/formatParameterCount.js';
import { formatTokenRate } from '../../format/formatTokenRate.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { CatalogDownloadButton } from './CatalogDownloadButton.js';
import { FitVerdict } from '../common/FitVerdict.js';

/** The catalog's pick for this machine, with why, and a one-click download. */
export function RecommendationCard({ testId }: { testId: string }) {
  const catalog = useAppStore((state) => state.catalog);
  const recommendation = catalog?.recommendation ?? null;
  const entry = catalog?.entries.find((candidate) => candidate.id === recommendation?.entryId);
  const file = entry?.files.find((candidate) => candidate.quantization === recommendation?.quantization);
  if (!recommendation || !entry || !file) return null;
  const fit = catalog?.fits.find(
    (candidate) => candidate.entryId === entry.id && candidate.quantization === file.quantization,
  );

  return (
    <section className="recommendation" data-testid={testId} aria-label="Recommended model">
      <div className="recommendation-mark" aria-hidden="true">
        <Icon name="star" size={18} />
      </div>
      <div className="recommendation-text">
        <p className="recommendation-kicker">Recommended for this computer</p>
        <p className="recommendation-name">
          {entry.name} <span className="chip">{file.quantization}</span>
        </p>
        <p className="recommendation-reason">{recommendation.reason}</p>
        <p className="recommendation-meta">
          {formatParameterCount(entry.parameters.total)} parameters
          {file.sizeBytes !== null && ` · ${formatBytes(file.sizeBytes)} download`}
          {fit?.expectedTokensPerSecond != null && ` · about ${formatTokenRate(fit.expectedTokensPerSecond)} tok/s`}
        </p>
      </div>
      <div className="recommendation-actions">
        {fit && <FitVerdict fit={fit.fit} testId="recommendation-fit" />}
        <CatalogDownloadButton
          entryId={entry.id}
          quantization={file.quantization}
          installedModelId={fit?.installedModelId ?? null}
          testId="download-recommendation"
          primary
        />
      </div>
    </section>
  );
}
