import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../contract/index.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import type { DocumentToolName, DocumentToolRun } from '../../store/documentsSlice.js';
import { Icon, type IconName } from '../common/Icon.js';

interface ToolButton {
  tool: DocumentToolName;
  label: string;
  icon: IconName;
  title: string;
  testId: string;
}

function toolButtons(t: TFunction<'documents'>): ToolButton[] {
  return [
    {
      tool: 'summary',
      label: t('toolSummary'),
      icon: 'fileText',
      title: t('toolSummaryTitle'),
      testId: 'tool-summary',
    },
    {
      tool: 'key-points',
      label: t('toolKeyPoints'),
      icon: 'star',
      title: t('toolKeyPointsTitle'),
      testId: 'tool-key-points',
    },
    { tool: 'read', label: t('toolRead'), icon: 'chat', title: t('toolReadTitle'), testId: 'tool-read' },
  ];
}

/**
 * Conversations about one indexed document. One tool runs at a time (it uses the model): while
 * one runs, every row's buttons wait, and the row it runs for says how far it got.
 */
export function DocumentTools({ document }: { document: DocumentSummary }) {
  const { t } = useTranslation('documents');
  const commands = useCommands();
  const run = useAppStore((state) => state.documentTool);
  const busy = run !== null;
  const mine = run?.documentId === document.id ? run : null;

  return (
    <div className="document-tools" role="group" aria-label={t('toolsFor', { name: document.fileName })}>
      {toolButtons(t).map(({ tool, label, icon, title, testId }) => (
        <button
          key={tool}
          type="button"
          className="button button--small"
          title={title}
          disabled={busy}
          aria-busy={mine?.tool === tool || undefined}
          onClick={() => void commands.runDocumentTool(document.id, tool)}
          data-testid={testId}
        >
          <Icon name={icon} size={13} />
          {label}
        </button>
      ))}
      {mine && (
        <span className="document-tool-progress" role="status" data-testid="document-tool-progress">
          <span className="spinner" aria-hidden="true" />
          {describeToolRun(mine, t)}
        </span>
      )}
    </div>
  );
}

function describeToolRun(run: DocumentToolRun, t: TFunction<'documents'>): string {
  if (run.progress !== null && run.progress.done < run.progress.total) {
    return t('toolReadingPart', { part: run.progress.done + 1, total: run.progress.total });
  }
  if (run.progress !== null) return t('toolJoiningParts');
  switch (run.tool) {
    case 'summary':
      return t('toolStartingSummary');
    case 'key-points':
      return t('toolStartingKeyPoints');
    case 'read':
      return t('toolReadingDocument');
    default:
      return run.tool satisfies never;
  }
}
