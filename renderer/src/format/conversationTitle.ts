import { t } from '../i18n/i18n.js';

/** The title main gives a conversation until it has one (ConversationStore's UNTITLED). */
const STORED_UNTITLED = 'New chat';

/**
 * A conversation's title as the UI shows it. Main stores the default title in English; it is
 * shown in the UI's language ("新对话"), as an empty one is. A title the user or the first
 * message gave is shown as it is.
 */
export function conversationTitle(title: string): string {
  const trimmed = title.trim();
  return trimmed === '' || trimmed === STORED_UNTITLED ? t('untitled', { ns: 'layout' }) : trimmed;
}
