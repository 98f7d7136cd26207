import type { StateCost } from '../../../contract/index.js';
import { formatBytes } from './formatBytes.js';

/**
 * What saving a conversation costs, in the terms that matter for the kind of model: a recurrent
 * model's state is the same size however long the conversation, an attention model's grows with it.
 */
export function describeStateCost(cost: StateCost): string {
  switch (cost.kind) {
    case 'recurrent':
      return `constant ${formatBytes(cost.bytes)} per conversation`;
    case 'attention':
      return `${formatBytes(cost.bytesPer1kTokens)} per 1k tokens`;
    case 'hybrid':
      return `constant ${formatBytes(cost.bytes)} per conversation, plus ${formatBytes(cost.bytesPer1kTokens)} per 1k tokens`;
    default:
      return cost satisfies never;
  }
}
