import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { ExportDialog } from './ExportDialog.js';

/** The chat header's export button: opens the export dialog for the open conversation. */
export function ExportConversationButton() {
  const { t } = useTranslation('exchange');
  const conversationId = useAppStore((state) => state.openConversationId);
  // The dialog keeps the conversation it was opened for, even if another one opens behind it.
  const [exporting, setExporting] = useState<string | null>(null);

  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={t('exportButton')}
        title={t('exportButton')}
        disabled={conversationId === null}
        onClick={() => setExporting(conversationId)}
        data-testid="export-conversation-button"
      >
        <Icon name="download" />
      </button>
      {exporting !== null && <ExportDialog conversationId={exporting} onClose={() => setExporting(null)} />}
    </>
  );
}
