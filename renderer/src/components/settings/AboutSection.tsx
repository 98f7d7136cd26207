import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore.js';

export function AboutSection() {
  const { t } = useTranslation('settings');
  const appInfo = useAppStore((state) => state.appInfo);
  if (!appInfo) return null;
  return (
    <section className="settings-section">
      <h3>{t('about')}</h3>
      <dl className="facts">
        <dt>{t('version')}</dt>
        <dd>{t('versionValue', { version: appInfo.version })}</dd>
        <dt>{t('runningAs')}</dt>
        <dd>{t(appInfo.host === 'desktop' ? 'runningAsDesktop' : 'runningAsWeb', { platform: appInfo.platform })}</dd>
        <dt>{t('database')}</dt>
        <dd className="break">{appInfo.databasePath}</dd>
      </dl>
    </section>
  );
}
