import { useTranslation } from 'react-i18next';
import { formatShortcut } from '../../format/shortcutKeys.js';
import { formatNumber } from '../../i18n/formatters.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { isImporting } from '../documents/documentProgress.js';

/** Opens the documents; while files are imported it says how many are left. */
export function DocumentsButton() {
  const { t } = useTranslation('header');
  const commands = useCommands();
  const importing = useAppStore((state) => state.documents.filter(isImporting).length);
  const counted = { count: importing, n: formatNumber(importing) };

  return (
    <>
      {importing > 0 && (
        <button
          type="button"
          className="downloads-indicator"
          onClick={() => commands.openDocuments()}
          title={t('showDocuments')}
          aria-label={t('importingLabel', counted)}
          data-testid="documents-indicator"
        >
          <span className="spinner" aria-hidden="true" />
          <span>{t('indexing', counted)}</span>
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={t('documents')}
        title={t('documentsTitle', { keys: formatShortcut(['mod', 'D']) })}
        aria-keyshortcuts="Control+D Meta+D"
        onClick={() => commands.openDocuments()}
        data-testid="open-documents"
      >
        <Icon name="fileText" />
      </button>
    </>
  );
}
