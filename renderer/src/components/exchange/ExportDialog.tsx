import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportScope } from '../../../../contract/index.js';
import { localizedMessage } from '../../i18n/i18n.js';
import type { ExportFormat } from '../../session/createExchangeCommands.js';
import { useCommands } from '../../session/CommandsContext.js';
import type { ShownMessage } from '../../store/uiSlice.js';
import { Dialog } from '../common/Dialog.js';
import { RadioChoice, type RadioOption } from '../common/RadioChoice.js';

/** Export of the open conversation: Markdown or JSON, the branch shown or every branch. */
export function ExportDialog({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const { t } = useTranslation('exchange');
  const commands = useCommands();
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [scope, setScope] = useState<ExportScope>('branch');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownMessage | null>(null);

  const formats: RadioOption<ExportFormat>[] = [
    { value: 'markdown', label: t('formatMarkdown') },
    { value: 'json', label: t('formatJson') },
  ];
  const scopes: RadioOption<ExportScope>[] = [
    { value: 'branch', label: t('scopeBranch') },
    { value: 'tree', label: t('scopeTree') },
  ];

  const run = async () => {
    setBusy(true);
    setError(null);
    const failure = await commands.exportConversation(conversationId, format, scope);
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Dialog title={t('exportTitle')} onClose={onClose} className="dialog--small" testId="export-dialog">
      <div className="dialog-body exchange-options">
        <RadioChoice
          legend={t('formatLegend')}
          options={formats}
          value={format}
          onChange={setFormat}
          look="list"
          testId="export-format"
        />
        <RadioChoice
          legend={t('scopeLegend')}
          options={scopes}
          value={scope}
          onChange={setScope}
          look="list"
          testId="export-scope"
        />
        <p className="field-hint">{t('statesNotIncluded')}</p>
        {error && (
          <p className="field-error" role="alert" data-testid="export-error">
            {localizedMessage(error)}
          </p>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={onClose}>
          {t('cancel', { ns: 'common' })}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void run()}
          disabled={busy}
          data-testid="export-confirm"
        >
          {busy ? t('exporting') : t('exportAction')}
        </button>
      </footer>
    </Dialog>
  );
}
