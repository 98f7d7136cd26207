import type { LoadedModel } from '../../../contract/index.js';

/**
 * What the loaded model can still "see". An attention model sees its context window; a recurrent
 * model (RWKV, Mamba) reads the whole conversation into its fixed-size state, however long, but
 * was trained on windows of a given length (beyond that, early details fade).
 */
export function describeModelContext(
  model: Pick<LoadedModel, 'stateKind' | 'contextSize' | 'trainedContextLength'>,
): string {
  const trained = model.trainedContextLength.toLocaleString('en-US');
  if (model.stateKind === 'recurrent') {
    return `Whole conversation, in a fixed-size state (trained on ${trained}-token texts; the oldest details fade)`;
  }
  return `${model.contextSize.toLocaleString('en-US')} tokens of context (trained on ${trained})`;
}
