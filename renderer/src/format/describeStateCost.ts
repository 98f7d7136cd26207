import type { StateCost } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';
import { formatBytes } from './formatBytes.js';

/**
 * What saving a conversation costs, in the terms that matter for the kind of model: a recurrent
 * model's state is the same size however long the conversation, an attention model's grows with it.
 */
export function describeStateCost(cost: StateCost): string {
  switch (cost.kind) {
    case 'recurrent':
      return t('stateCostRecurrent', { ns: 'settings', size: formatBytes(cost.bytes) });
    case 'attention':
      return t('stateCostAttention', { ns: 'settings', size: formatBytes(cost.bytesPer1kTokens) });
    case 'hybrid':
      return t('stateCostHybrid', {
        ns: 'settings',
        size: formatBytes(cost.bytes),
        perTokens: formatBytes(cost.bytesPer1kTokens),
      });
    default:
      return cost satisfies never;
  }
}
