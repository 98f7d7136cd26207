import type { Message } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';

/** Longest start of an answer read out when it completes: enough to know what it says, not the whole of it. */
const ANNOUNCED_START_MAX = 160;

/**
 * What a screen reader hears when an answer ends: that it is complete and its first sentence
 * (the answer itself is there to read; reading it all out unasked would drown everything else).
 */
export function describeFinish(message: Message): string {
  switch (message.status) {
    case 'complete': {
      const start = firstSentence(message.content);
      return start === '' ? t('announceComplete', { ns: 'chat' }) : t('announceCompleteWith', { ns: 'chat', start });
    }
    case 'interrupted':
      return message.stopReason === 'user_stopped'
        ? t('announceStopped', { ns: 'chat' })
        : t('announceInterrupted', { ns: 'chat', detail: message.detail ?? '' }).trim();
    case 'error':
      return t('announceFailed', { ns: 'chat', detail: message.detail ?? '' }).trim();
    case 'streaming':
      return '';
    default:
      return message.status satisfies never;
  }
}

/** The answer's first sentence as plain words (Markdown marks dropped), cut to a readable length. */
function firstSentence(markdown: string): string {
  const plain = markdown
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/[#>*_`~|[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const end = /[.!?](\s|$)|[。！？]/u.exec(plain);
  const sentence = end ? plain.slice(0, end.index + 1) : plain;
  return sentence.length > ANNOUNCED_START_MAX ? `${sentence.slice(0, ANNOUNCED_START_MAX - 1)}…` : sentence;
}
