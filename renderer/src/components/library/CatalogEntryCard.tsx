import { useTranslation } from 'react-i18next';
import type { CatalogEntry, CatalogFit } from '../../../../contract/index.js';
import { familyExplanation } from '../../format/familyLabel.js';
import { formatBytes } from '../../format/formatBytes.js';
import { formatParameterCount } from '../../format/formatParameterCount.js';
import { formatTokenRate } from '../../format/formatTokenRate.js';
import { Icon } from '../common/Icon.js';
import { CatalogDownloadButton } from './CatalogDownloadButton.js';
import { FitVerdict } from '../common/FitVerdict.js';

interface CatalogEntryCardProps {
  entry: CatalogEntry;
  /** How each of its files would run here, by quantization. */
  fits: ReadonlyMap<string, CatalogFit>;
}

/** One catalog model: what it is, where it comes from, and a row per downloadable file. */
export function CatalogEntryCard({ entry, fits }: CatalogEntryCardProps) {
  const { t } = useTranslation('library');
  const moe = entry.parameters.active < entry.parameters.total;
  const explanation = familyExplanation(entry.family);
  return (
    <article className="catalog-entry" data-testid="catalog-entry" data-entry-id={entry.id}>
      <header className="catalog-entry-header">
        <div className="catalog-entry-title">
          <h4>{entry.name}</h4>
          {!entry.confirmed && (
            <details className="unconfirmed" data-testid="unconfirmed">
              <summary title={entry.confirmation}>
                <Icon name="info" size={13} />
                {t('unconfirmed')}
              </summary>
              <p>{entry.confirmation}</p>
            </details>
          )}
        </div>
        <p className="catalog-entry-source">
          {entry.publisher} · {entry.licence} ·{' '}
          <a href={entry.homepage} target="_blank" rel="noreferrer" className="external-link">
            {t('modelPage')}
            <Icon name="external" size={12} />
          </a>
        </p>
      </header>

      <ul className="catalog-entry-facts" aria-label={t('factsLabel')}>
        <li>
          {moe
            ? t('moeParameters', {
                total: formatParameterCount(entry.parameters.total),
                active: formatParameterCount(entry.parameters.active),
              })
            : t('denseParameters', { total: formatParameterCount(entry.parameters.total) })}
        </li>
        <li>{t('contextFact', { length: formatContextLength(entry.contextLength) })}</li>
        <li className="mono">{entry.architecture}</li>
      </ul>
      <p className="catalog-entry-description">{entry.description}</p>
      {explanation && (
        <p className="catalog-entry-family-note hint" data-testid="family-explanation">
          <Icon name="info" size={13} /> {explanation}
        </p>
      )}

      <table className="catalog-files">
        <caption className="visually-hidden">{t('filesOf', { name: entry.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columnFile')}</th>
            <th scope="col">{t('columnSize')}</th>
            <th scope="col">{t('columnHere')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('columnAction')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entry.files.map((file) => {
            const fit = fits.get(file.quantization);
            return (
              <tr key={file.quantization} data-testid="catalog-file" data-quantization={file.quantization}>
                <td>
                  <span className="chip">{file.quantization}</span>
                </td>
                <td className="numeric">
                  {file.sizeBytes === null ? (
                    <span className="muted">{t('sizeUnknown')}</span>
                  ) : file.sizeIsExact ? (
                    formatBytes(file.sizeBytes)
                  ) : (
                    t('sizeApprox', { size: formatBytes(file.sizeBytes) })
                  )}
                </td>
                <td>
                  {fit ? (
                    <span className="catalog-fit">
                      <FitVerdict fit={fit.fit} testId="file-fit" />
                      {fit.expectedTokensPerSecond !== null && (
                        <span className="catalog-speed">
                          {t('speedApprox', { rate: formatTokenRate(fit.expectedTokensPerSecond) })}
                        </span>
                      )}
                    </span>
                  ) : (
                    <span className="muted">{t('notEstimated')}</span>
                  )}
                </td>
                <td className="catalog-file-action">
                  <CatalogDownloadButton
                    entryId={entry.id}
                    quantization={file.quantization}
                    installedModelId={fit?.installedModelId ?? null}
                    testId="download-file"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}

/** 32768 → "32k", 1_048_576 → "1M": context lengths as model cards write them. */
function formatContextLength(tokens: number): string {
  if (tokens >= 1_048_576 && tokens % 1_048_576 === 0) return `${tokens / 1_048_576}M`;
  if (tokens >= 1024 && tokens % 1024 === 0) return `${tokens / 1024}k`;
  if (tokens >= 1000) return `${Math.round(tokens / 1000)}k`;
  return String(tokens);
}
