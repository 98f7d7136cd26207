import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedMessage } from '../../i18n/i18n.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import type { ShownMessage } from '../../store/uiSlice.js';

/** The sidebar's footer: every conversation to one archive file, and a conversation file back in. */
export function ExchangeFooter() {
  const { t } = useTranslation('exchange');
  const commands = useCommands();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [error, setError] = useState<ShownMessage | null>(null);
  // Nothing to export yet (the list is loaded and empty).
  const none = useAppStore((state) => state.summariesLoaded && state.summaries.length === 0);

  const act = async (kind: 'export' | 'import', run: () => Promise<ShownMessage | null>) => {
    setBusy(kind);
    setError(null);
    setError(await run());
    setBusy(null);
  };

  return (
    <div className="sidebar-footer exchange-footer" data-testid="exchange-footer">
      <button
        type="button"
        className="button button--small"
        disabled={busy !== null || none}
        onClick={() => void act('export', () => commands.exportAllConversations())}
        data-testid="export-all"
      >
        {busy === 'export' ? t('exportingAll') : t('exportAll')}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={busy !== null}
        onClick={() => fileInput.current?.click()}
        data-testid="import-conversation"
      >
        {busy === 'import' ? t('importing') : t('importConversation')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so that choosing the same file again (after fixing it) imports it again.
          event.target.value = '';
          if (file) void act('import', () => commands.importConversationFile(file));
        }}
      />
      {error && (
        <p className="field-error" role="alert" data-testid="exchange-error">
          {localizedMessage(error)}
        </p>
      )}
    </div>
  );
}
