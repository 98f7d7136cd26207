import { useTranslation } from 'react-i18next';
import type { HardwareProfile } from '../../../../../contract/index.js';
import { backendLabel } from '../../../format/backendLabel.js';
import { formatBytes } from '../../../format/formatBytes.js';
import { noGpuText } from './noGpuText.js';

const size = (bytes: number) => formatBytes(bytes, { binary: true });

export function GpuList({ profile }: { profile: HardwareProfile }) {
  const { t } = useTranslation('settings');
  if (profile.gpus.length === 0) {
    return (
      <span className="muted" data-testid="no-gpu" data-not-probed={profile.gpusNotProbed}>
        {noGpuText(profile)}
      </span>
    );
  }
  return (
    <ul className="device-list" aria-label={t('gpus')}>
      {profile.gpus.map((gpu, index) => (
        <li key={`${gpu.backend}-${gpu.name}-${index}`} className="device" data-testid="gpu">
          <span className="device-name">{gpu.name}</span>
          <span className="device-meta">
            <span className="chip">{backendLabel(gpu.backend)}</span>
            {gpu.unifiedMemory ? (
              <span>{t('sharesSystemMemory')}</span>
            ) : (
              <span>
                {t('vram', { size: size(gpu.vramBytes) })}{' '}
                <span className="muted">{t('freeAmount', { size: size(gpu.freeVramBytes) })}</span>
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
