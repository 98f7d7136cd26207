import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../contract/index.js';
import { conversationTitle } from '../../format/conversationTitle.js';
import { formatUpdatedAt } from '../../format/formatUpdatedAt.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { RenameInput } from './RenameInput.js';

interface ConversationItemProps {
  summary: ConversationSummary;
  active: boolean;
}

export function ConversationItem({ summary, active }: ConversationItemProps) {
  const { t } = useTranslation('layout');
  const commands = useCommands();
  const openDialog = useAppStore((state) => state.openDialog);
  const [editing, setEditing] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    // Leaving the rename field puts focus back on the item rather than dropping it on the page.
    if (wasEditing.current && !editing) openButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const title = conversationTitle(summary.title);
  const pinned = summary.pinnedAt !== null;
  const askDelete = () => openDialog({ kind: 'confirmDelete', conversationId: summary.id, title });

  return (
    <li
      className="conversation-item"
      data-testid="conversation-item"
      data-active={active}
      data-id={summary.id}
      data-pinned={pinned}
    >
      {editing ? (
        <RenameInput
          initial={title}
          onDone={async (next) => {
            if (next !== null && next !== title) await commands.renameConversation(summary.id, next);
            setEditing(false);
          }}
        />
      ) : (
        <>
          <button
            ref={openButton}
            type="button"
            className="conversation-open"
            aria-current={active ? 'page' : undefined}
            onClick={() => void commands.openConversation(summary.id)}
            onDoubleClick={() => setEditing(true)}
            onKeyDown={(event) => {
              if (event.key === 'F2') setEditing(true);
              else if (event.key === 'Delete') askDelete();
            }}
          >
            <span className="conversation-title" data-testid="conversation-title">
              {title}
            </span>
            <span className="conversation-meta">{formatUpdatedAt(summary.updatedAt)}</span>
          </button>
          {/* The item's actions: reached with Tab from the item, shown while it has focus. */}
          <div className="conversation-actions">
            <button
              type="button"
              className="icon-button"
              aria-label={pinned ? t('unpinLabel', { title }) : t('pinLabel', { title })}
              title={pinned ? t('unpinTitle') : t('pinTitle')}
              onClick={() => void commands.pinConversation(summary.id, !pinned)}
              data-testid="pin-conversation"
            >
              <Icon name="pin" />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('renameLabel', { title })}
              title={t('renameTitle')}
              onClick={() => setEditing(true)}
              data-testid="rename-conversation"
            >
              <Icon name="pencil" />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('deleteLabel', { title })}
              title={t('delete', { ns: 'common' })}
              onClick={askDelete}
              data-testid="delete-conversation"
            >
              <Icon name="trash" />
            </button>
          </div>
        </>
      )}
    </li>
  );
}
