import { useTranslation } from 'react-i18next';
import { useEffect, useId } from 'react';
import { useCommands } from '../../../session/CommandsContext.js';
import { useAppStore } from '../../../store/appStore.js';
import { AddRemoteEngineForm } from './AddRemoteEngineForm.js';
import { RemoteEngineItem } from './RemoteEngineItem.js';

/** OpenAI-compatible servers on other machines whose models conversations can use. Acts at once. */
export function RemoteEnginesSection() {
  const { t } = useTranslation('settings');
  const commands = useCommands();
  const id = useId();
  const engines = useAppStore((state) => state.remoteEngines);

  // Each engine's models are asked afresh: the other machine may have loaded or dropped some.
  useEffect(() => {
    void commands.refreshRemoteEngines();
  }, [commands]);

  return (
    <section className="settings-section" data-testid="remote-engines-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('remoteEngines')}</h3>
      <p className="hint">{t('remoteIntro')}</p>
      {engines.length === 0 ? (
        <p className="hint" data-testid="remote-engines-empty">
          {t('noRemoteEngines')}
        </p>
      ) : (
        <ul className="server-list" aria-label={t('remoteEngines')}>
          {engines.map((engine) => (
            <RemoteEngineItem key={engine.id} engine={engine} />
          ))}
        </ul>
      )}
      <AddRemoteEngineForm />
    </section>
  );
}
