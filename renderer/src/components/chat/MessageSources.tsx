import { useTranslation } from 'react-i18next';
import type { Citation } from '../../../../contract/index.js';
import { describeCitation } from '../../format/describeCitation.js';
import { bandLabel, describeEvidence } from '../../format/describeEvidence.js';

interface MessageSourcesProps {
  sources: readonly Citation[];
  onOpen: (citation: Citation) => void;
}

/** The numbered passages an answer was given, each with its evidence band, opening where it is in its document. */
export function MessageSources({ sources, onOpen }: MessageSourcesProps) {
  const { t } = useTranslation('chat');
  return (
    <section className="message-sources" aria-label={t('sourcesTitle')} data-testid="message-sources">
      <h3 className="message-sources-title">{t('sourcesTitle')}</h3>
      <ul className="message-sources-list">
        {sources.map((source) => {
          const where = describeCitation(source);
          const evidence = describeEvidence(source);
          const title =
            source.headingPath.length > 1
              ? t('sourceWithHeadings', { where, headings: source.headingPath.join(' › ') })
              : where;
          return (
            <li key={source.n}>
              <button
                type="button"
                className="source-chip"
                title={evidence ? t('sourceWithEvidence', { title, evidence }) : title}
                onClick={() => onOpen(source)}
                data-testid="source-chip"
                data-n={source.n}
                data-band={source.band}
              >
                <span className="source-chip-n">[{source.n}]</span> {where}
                {source.band && (
                  <span className={`source-band source-band--${source.band}`} data-testid="source-band">
                    {bandLabel(source.band)}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
