import { useTranslation } from 'react-i18next';
import { useModelName } from '../../hooks/useModelName.js';
import { formatPercent } from '../../i18n/formatters.js';
import { useAppStore } from '../../store/appStore.js';

export function LoadProgress() {
  const { t } = useTranslation('header');
  const progress = useAppStore((state) => state.loadProgress);
  const loadingId = useAppStore((state) => state.engine?.loadingModelId ?? null);
  const name = useModelName(progress?.modelId ?? loadingId);
  const label = name === null ? t('loadingModel') : t('loadingNamed', { name });

  return (
    <div className="load-progress">
      <span className="load-progress-label">
        {progress ? t('loadingWithPercent', { label, percent: formatPercent(progress.progress) }) : label}
      </span>
      {/* Without a figure yet the bar is indeterminate rather than stuck at zero. */}
      {progress ? (
        <progress data-testid="load-progress" max={1} value={progress.progress} aria-label={label} />
      ) : (
        <progress data-testid="load-progress" aria-label={label} />
      )}
    </div>
  );
}
