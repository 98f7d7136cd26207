import { useTranslation } from 'react-i18next';
import type { HardwareProfile } from '../../../../../contract/index.js';

export function NpuList({ profile }: { profile: HardwareProfile }) {
  const { t } = useTranslation('settings');
  if (profile.npus.length === 0) {
    return (
      <span className="muted" data-testid="no-npu">
        {profile.sources.npus === 'none' ? t('npusNotLookedFor') : t('noNpuFound')}
      </span>
    );
  }
  return (
    <ul className="device-list" aria-label={t('npus')}>
      {profile.npus.map((npu, index) => (
        <li key={`${npu.name}-${index}`} className="device" data-testid="npu">
          <span className="device-name">{npu.name}</span>
          <span className="device-meta">
            <span>{npu.vendor}</span>
            {npu.driver && <span className="muted">{t('npuDriver', { driver: npu.driver })}</span>}
          </span>
          <p className="device-notice" data-testid="npu-notice">
            {t('npuNotice')}
          </p>
        </li>
      ))}
    </ul>
  );
}
