import type { Message } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';

/** The label shown on an answer that did not end normally; null when nothing needs saying. */
export function describeStopReason(message: Message): string | null {
  if (message.status === 'error') return t('stopError', { ns: 'chat' });
  if (message.status === 'streaming') return null;
  switch (message.stopReason) {
    case 'user_stopped':
      return t('stopStopped', { ns: 'chat' });
    case 'engine_stopped':
      return t('stopEngineStopped', { ns: 'chat' });
    case 'app_closed':
      return t('stopAppClosed', { ns: 'chat' });
    case 'max_tokens':
      return t('stopMaxTokens', { ns: 'chat' });
    case 'error':
      return t('stopError', { ns: 'chat' });
    case 'not_in_documents':
      return t('stopNotInDocuments', { ns: 'chat' });
    case 'end_of_turn':
    case null:
      return message.status === 'interrupted' ? t('stopInterrupted', { ns: 'chat' }) : null;
    default:
      return message.stopReason satisfies never;
  }
}

/**
 * Main's details of a stop saved with the message, in English. The two that main writes itself
 * for a stop by the user are shown in the UI's language; any other (an engine's error) as written.
 */
const KNOWN_DETAILS = {
  'Stopped by you.': 'stoppedByYou',
  'Stopped by you before the answer started.': 'stoppedByYouBeforeStart',
} as const;

/** The detail line under an answer's stop label, in the UI's language where it is one of main's own. */
export function describeDetail(message: Pick<Message, 'detail'>): string | null {
  const detail = message.detail;
  if (detail === null) return null;
  const key = KNOWN_DETAILS[detail as keyof typeof KNOWN_DETAILS];
  return key ? t(key, { ns: 'chat' }) : detail;
}
