import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectModelsFolder } from '../../store/selectors.js';
import { PathField } from '../common/PathField.js';

export function FoldersSection() {
  const commands = useCommands();
  const modelsFolder = useAppStore(selectModelsFolder);
  const appInfo = useAppStore((state) => state.appInfo);
  const canOpen = appInfo?.canOpenFolders ?? false;

  return (
    <section className="settings-section">
      <h3>Folders</h3>
      {modelsFolder && (
        <PathField
          label="Models folder"
          path={modelsFolder}
          onOpen={canOpen ? () => void commands.openModelsFolder() : undefined}
        />
      )}
      {appInfo && <PathField label="Data folder" path={appInfo.dataDir} />}
      {!canOpen && <p className="hint">Open these folders from your file manager; this window cannot open them.</p>}
    </section>
  );
}
