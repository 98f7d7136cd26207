import { useTranslation } from 'react-i18next';
import { bestBand, type Message } from '../../../../contract/index.js';

/**
 * Above an answer whose best source is weak: the model answered, but nothing it was given clearly
 * holds the answer, so the reader should check the sources before trusting it. Hearth's own
 * "not covered" answers need no such warning: they already say it.
 */
export function WeakEvidenceNotice({ message }: { message: Message }) {
  const { t } = useTranslation('chat');
  if (message.role !== 'assistant' || message.stopReason === 'not_in_documents') return null;
  if (bestBand(message.sources.map((source) => source.band)) !== 'weak') return null;
  return (
    <p className="weak-evidence" role="note" data-testid="weak-evidence">
      {t('weakEvidence')}
    </p>
  );
}
