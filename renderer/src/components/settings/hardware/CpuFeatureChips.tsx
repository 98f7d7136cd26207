import { useTranslation } from 'react-i18next';
import type { CpuFeature } from '../../../../../contract/index.js';

/** The instruction sets llama.cpp's fast kernels use: wider vectors, dot products, matrix tiles. */
const SPEED_FEATURES = /^(avx2|avx512|amx|avx_vnni|neon|dotprod)/;

export function CpuFeatureChips({ features }: { features: readonly CpuFeature[] }) {
  const { t } = useTranslation('settings');
  if (features.length === 0) return <span className="muted">{t('featuresNone')}</span>;
  const anyKey = features.some((feature) => SPEED_FEATURES.test(feature));
  return (
    <>
      <ul className="chip-list" aria-label={t('instructionSets')}>
        {features.map((feature) => {
          const key = SPEED_FEATURES.test(feature);
          return (
            <li
              key={feature}
              className={key ? 'chip chip--key' : 'chip'}
              title={key ? t('featureSpeedsUp') : undefined}
              data-testid="cpu-feature"
              data-key={key || undefined}
            >
              {feature}
              {key && <span className="visually-hidden">{t('featureSpeedsUpHidden')}</span>}
            </li>
          );
        })}
      </ul>
      {anyKey && <span className="fine-print">{t('featuresHighlighted')}</span>}
    </>
  );
}
