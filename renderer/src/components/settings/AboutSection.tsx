import { useAppStore } from '../../store/appStore.js';

export function AboutSection() {
  const appInfo = useAppStore((state) => state.appInfo);
  if (!appInfo) return null;
  return (
    <section className="settings-section">
      <h3>About</h3>
      <dl className="facts">
        <dt>Version</dt>
        <dd>Hearth {appInfo.version}</dd>
        <dt>Running as</dt>
        <dd>
          {appInfo.host === 'desktop' ? 'Desktop app' : 'Local web page'} on {appInfo.platform}
        </dd>
        <dt>Database</dt>
        <dd className="break">{appInfo.databasePath}</dd>
      </dl>
    </section>
  );
}
