import type { LoadedModel } from '../../../contract/index.js';
import { formatNumber } from '../i18n/formatters.js';
import { t } from '../i18n/i18n.js';

/**
 * What the loaded model can still "see". An attention model sees its context window; a recurrent
 * model (RWKV, Mamba) reads the whole conversation into its fixed-size state, however long, but
 * was trained on windows of a given length (beyond that, early details fade).
 */
export function describeModelContext(
  model: Pick<LoadedModel, 'stateKind' | 'contextSize' | 'trainedContextLength'>,
): string {
  const trained = formatNumber(model.trainedContextLength);
  if (model.stateKind === 'recurrent') return t('contextRecurrent', { ns: 'library', trained });
  return t('contextAttention', { ns: 'library', size: formatNumber(model.contextSize), trained });
}
