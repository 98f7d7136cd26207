import type { Citation, EvidenceBand } from '../../../contract/index.js';

const BAND_LABELS: Record<EvidenceBand, string> = { strong: 'Strong', partial: 'Partial', weak: 'Weak' };

export function bandLabel(band: EvidenceBand): string {
  return BAND_LABELS[band];
}

/** What a source's band rests on, for its tooltip: the reranker's score, or the question's words. */
export function describeEvidence(source: Citation): string | null {
  if (!source.band) return null;
  const basis =
    source.relevance === undefined
      ? 'from how many of the question’s words it contains'
      : `reranker relevance ${source.relevance.toFixed(2)}`;
  return `${bandLabel(source.band)} evidence (${basis})`;
}
