import { useContext, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtraProps } from 'react-markdown';
import { describeCitation } from '../format/describeCitation.js';
import { CitationsContext } from './CitationsContext.js';

/**
 * A [n] marker found by `remarkCitations`: a button that opens source n. A number the answer was
 * not given as a source stays the plain text the model wrote.
 */
export function CitationMarker({ node }: ComponentProps<'button'> & ExtraProps) {
  const { t } = useTranslation('chat');
  const targets = useContext(CitationsContext);
  const n = Number(node?.properties['dataCitation']);
  const citation = targets?.sources.find((source) => source.n === n);
  if (!targets || !citation) return <>{`[${n}]`}</>;
  const where = describeCitation(citation);
  return (
    <button
      type="button"
      className="citation"
      title={where}
      aria-label={t('citationLabel', { n, where })}
      onClick={() => targets.open(citation)}
      data-testid="citation"
      data-n={n}
    >
      {n}
    </button>
  );
}
