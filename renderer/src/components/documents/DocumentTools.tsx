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

const TOOLS: ToolButton[] = [
  {
    tool: 'summary',
    label: 'Summarise',
    icon: 'fileText',
    title: 'Start a conversation with a summary of the whole document (long ones are read part by part).',
    testId: 'tool-summary',
  },
  {
    tool: 'key-points',
    label: 'Key points',
    icon: 'star',
    title: 'Start a conversation with the key points of the whole document as a list.',
    testId: 'tool-key-points',
  },
  {
    tool: 'read',
    label: 'Read into a chat',
    icon: 'chat',
    title:
      'The whole document becomes the chat’s first message. With RWKV or Mamba models its saved state keeps it, so later questions do not read the document again.',
    testId: 'tool-read',
  },
];

/**
 * Conversations about one indexed document. One tool runs at a time (it uses the model): while
 * one runs, every row's buttons wait, and the row it runs for says how far it got.
 */
export function DocumentTools({ document }: { document: DocumentSummary }) {
  const commands = useCommands();
  const run = useAppStore((state) => state.documentTool);
  const busy = run !== null;
  const mine = run?.documentId === document.id ? run : null;

  return (
    <div className="document-tools" role="group" aria-label={`Tools for ${document.fileName}`}>
      {TOOLS.map(({ tool, label, icon, title, testId }) => (
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
          {describeToolRun(mine)}
        </span>
      )}
    </div>
  );
}

function describeToolRun(run: DocumentToolRun): string {
  if (run.progress !== null && run.progress.done < run.progress.total) {
    return `Reading part ${run.progress.done + 1} of ${run.progress.total}…`;
  }
  if (run.progress !== null) return 'Putting the parts together…';
  switch (run.tool) {
    case 'summary':
      return 'Starting the summary…';
    case 'key-points':
      return 'Starting the key points…';
    case 'read':
      return 'Reading the document into a chat…';
    default:
      return run.tool satisfies never;
  }
}
