import type { Message } from '../../../contract/index.js';

/** The label shown on an answer that did not end normally; null when nothing needs saying. */
export function describeStopReason(message: Message): string | null {
  if (message.status === 'error') return 'Error';
  if (message.status === 'streaming') return null;
  switch (message.stopReason) {
    case 'user_stopped':
      return 'Stopped';
    case 'engine_stopped':
      return 'Interrupted: the engine stopped';
    case 'app_closed':
      return 'Interrupted: Hearth closed';
    case 'max_tokens':
      return 'Cut off at the max tokens limit';
    case 'error':
      return 'Error';
    case 'not_in_documents':
      return 'Written by Hearth: the documents do not cover this, so no model was asked';
    case 'end_of_turn':
    case null:
      return message.status === 'interrupted' ? 'Interrupted' : null;
    default:
      return message.stopReason satisfies never;
  }
}
