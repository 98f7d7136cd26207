import { useTranslation } from 'react-i18next';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectModelsFolder } from '../../store/selectors.js';
import { PathField } from '../common/PathField.js';

export function FoldersSection() {
  const { t } = useTranslation('settings');
  const commands = useCommands();
  const modelsFolder = useAppStore(selectModelsFolder);
  const appInfo = useAppStore((state) => state.appInfo);
  const canOpen = appInfo?.canOpenFolders ?? false;

  return (
    <section className="settings-section">
      <h3>{t('folders')}</h3>
      {modelsFolder && (
        <PathField
          label={t('modelsFolder')}
          path={modelsFolder}
          onOpen={canOpen ? () => void commands.openModelsFolder() : undefined}
        />
      )}
      {appInfo && <PathField label={t('dataFolder')} path={appInfo.dataDir} />}
      {!canOpen && <p className="hint">{t('foldersCannotOpen')}</p>}
    </section>
  );
}
