import { Trans, useTranslation } from 'react-i18next';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { ImportPanel } from './ImportPanel.js';
import type { ImportDraft } from './importDraft.js';
import { InstalledModelList } from './InstalledModelList.js';
import { ModelCardPanel } from './ModelCardPanel.js';
import { ModelsFolderField } from './ModelsFolderField.js';
import { RecommendationCard } from './RecommendationCard.js';

interface InstalledTabProps {
  selectedId: string | null;
  onSelect: (modelId: string | null) => void;
  importDraft: ImportDraft;
  onImportDraft: (draft: ImportDraft) => void;
  onBrowseCatalog: () => void;
}

/** The models Hearth can run now, the card of the chosen one, importing, and the models folder. */
export function InstalledTab({ selectedId, onSelect, importDraft, onImportDraft, onBrowseCatalog }: InstalledTabProps) {
  const { t } = useTranslation('library');
  const commands = useCommands();
  const models = useAppStore((state) => state.models);
  const canChooseFiles = useAppStore((state) => state.appInfo?.canChooseFiles ?? false);
  const selected = models.find((model) => model.id === selectedId) ?? models[0] ?? null;

  const startImport = async () => {
    useAppStore.getState().finishImport(null);
    if (!canChooseFiles) {
      onImportDraft({ ...importDraft, open: true, hint: null });
      return;
    }
    const path = await commands.chooseImportFile();
    if (path !== null) onImportDraft({ ...importDraft, open: true, path, hint: null });
  };

  const runImport = async (path: string, mode: ImportDraft['mode']) => {
    const modelId = await commands.importModel(path, mode);
    if (modelId === null) return;
    onImportDraft({ open: false, path: '', mode, hint: null });
    onSelect(modelId);
  };

  return (
    <div className="installed">
      <div className="installed-toolbar">
        <ModelsFolderField />
        <button
          type="button"
          className="button"
          onClick={() => void startImport()}
          aria-expanded={importDraft.open}
          data-testid="import-model"
        >
          <Icon name="fileImport" />
          {t('importButton')}
        </button>
      </div>
      {importDraft.open && (
        <ImportPanel
          draft={importDraft}
          onChange={onImportDraft}
          onImport={(path, mode) => void runImport(path, mode)}
        />
      )}

      {models.length === 0 ? (
        <div className="library-empty" data-testid="installed-empty">
          <p>
            <strong>{t('noModelsYet')}</strong> <Trans t={t} i18nKey="noModelsHint" components={{ code: <code /> }} />
          </p>
          <RecommendationCard testId="installed-recommendation" />
          <button type="button" className="button" onClick={onBrowseCatalog}>
            {t('browseCatalog')}
          </button>
        </div>
      ) : (
        <div className="installed-split">
          <InstalledModelList selectedId={selected?.id ?? null} onSelect={onSelect} />
          {selected && <ModelCardPanel key={selected.id} model={selected} onDeleted={() => onSelect(null)} />}
        </div>
      )}
    </div>
  );
}
