import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../contract/index.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectIsStreaming } from '../../store/selectors.js';
import { Icon } from '../common/Icon.js';

type Direction = 'prev' | 'next';

/** ‹ 2/3 › on a message that has other versions, and deleting the version shown. */
export function BranchSwitcher({ message }: { message: Message }) {
  const { t } = useTranslation('chat');
  const commands = useCommands();
  const streaming = useAppStore(selectIsStreaming);
  const openDialog = useAppStore((state) => state.openDialog);
  const [switching, setSwitching] = useState(false);
  const count = message.siblingIds.length;
  if (count < 2) return null;

  const index = Math.max(0, message.siblingIds.indexOf(message.id));
  const busy = streaming || switching;
  const neighbours: Record<Direction, string | undefined> = {
    prev: message.siblingIds[index - 1],
    next: message.siblingIds[index + 1],
  };

  const show = async (direction: Direction) => {
    const target = neighbours[direction];
    if (!target || busy) return;
    setSwitching(true);
    await commands.selectBranch(target);
    setSwitching(false);
    // Two frames: the new version is on screen and the list has finished adjusting its scroll.
    requestAnimationFrame(() => requestAnimationFrame(() => keepFocus(target, direction)));
  };

  return (
    <div
      className="branch-switcher"
      role="group"
      aria-label={t('versionsLabel')}
      data-testid="branch-switcher"
      data-index={index + 1}
      data-count={count}
    >
      <button
        type="button"
        className="icon-button"
        aria-label={t('previousVersion')}
        title={t('previousVersion')}
        disabled={busy || !neighbours.prev}
        onClick={() => void show('prev')}
        data-testid="branch-prev"
      >
        <Icon name="chevronLeft" />
      </button>
      <span className="branch-position" aria-label={t('versionPosition', { index: index + 1, count })}>
        {index + 1}/{count}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('nextVersion')}
        title={t('nextVersion')}
        disabled={busy || !neighbours.next}
        onClick={() => void show('next')}
        data-testid="branch-next"
      >
        <Icon name="chevronRight" />
      </button>
      <button
        type="button"
        className="icon-button branch-delete"
        aria-label={t('deleteVersion')}
        title={t('deleteVersion')}
        disabled={busy}
        onClick={() => openDialog({ kind: 'confirmDeleteBranch', messageId: message.id, role: message.role })}
        data-testid="branch-delete"
      >
        <Icon name="trash" />
      </button>
    </div>
  );
}

/**
 * The version shown is another message, so the button that was clicked is gone: put keyboard
 * focus on the same button of the version now shown (or the other arrow, at the end), which
 * also scrolls it back into view if the new version's length moved it.
 */
function keepFocus(messageId: string, direction: Direction): void {
  const switcher = document.querySelector(`[data-id="${messageId}"] [data-testid="branch-switcher"]`);
  if (!switcher) return;
  const preferred = switcher.querySelector<HTMLButtonElement>(`[data-testid="branch-${direction}"]:not(:disabled)`);
  const other = switcher.querySelector<HTMLButtonElement>('[data-testid^="branch-"]:not(:disabled)');
  (preferred ?? other)?.focus();
}
