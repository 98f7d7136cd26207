import type { Citation, EvidenceBand } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';

export function bandLabel(band: EvidenceBand): string {
  switch (band) {
    case 'strong':
      return t('bandStrong', { ns: 'documents' });
    case 'partial':
      return t('bandPartial', { ns: 'documents' });
    case 'weak':
      return t('bandWeak', { ns: 'documents' });
    default:
      return band satisfies never;
  }
}

/** What a source's band rests on, for its tooltip: the reranker's score, or the question's words. */
export function describeEvidence(source: Citation): string | null {
  if (!source.band) return null;
  if (source.relevance === undefined) {
    switch (source.band) {
      case 'strong':
        return t('evidenceStrongWords', { ns: 'documents' });
      case 'partial':
        return t('evidencePartialWords', { ns: 'documents' });
      case 'weak':
        return t('evidenceWeakWords', { ns: 'documents' });
      default:
        return source.band satisfies never;
    }
  }
  const relevance = source.relevance.toFixed(2);
  switch (source.band) {
    case 'strong':
      return t('evidenceStrongReranker', { ns: 'documents', relevance });
    case 'partial':
      return t('evidencePartialReranker', { ns: 'documents', relevance });
    case 'weak':
      return t('evidenceWeakReranker', { ns: 'documents', relevance });
    default:
      return source.band satisfies never;
  }
}
