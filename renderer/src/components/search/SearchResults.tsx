import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConversationSearchHit } from '../../../../contract/index.js';
import type { ConversationSearch } from '../../hooks/useConversationSearch.js';
import { SearchHitOption } from './SearchHitOption.js';
import { RESULTS_ID, searchOptionId } from './searchIds.js';

interface SearchResultsProps {
  search: ConversationSearch;
  hits: readonly ConversationSearchHit[];
  onChoose: (index: number) => void;
}

/** Shown instead of the conversation list while a query is typed. */
export function SearchResults({ search, hits, onChoose }: SearchResultsProps) {
  const { t } = useTranslation('search');
  const { answer, pending, activeIndex } = search;
  return (
    <div className="search-results" aria-busy={pending}>
      {/* The count (or why there is none) is read out when it changes, not every result. */}
      <p
        className={`search-status ${answer && 'error' in answer ? 'search-status--error' : ''}`}
        role="status"
        aria-live="polite"
        data-testid="search-status"
      >
        {describeAnswer(search, t)}
      </p>
      {hits.length > 0 && (
        <ul
          id={RESULTS_ID}
          className="search-hits"
          role="listbox"
          aria-label={t('resultsLabel')}
          data-testid="search-results"
        >
          {hits.map((hit, index) => (
            <SearchHitOption
              key={`${hit.conversationId}:${hit.messageId ?? 'title'}`}
              id={searchOptionId(index)}
              hit={hit}
              selected={index === activeIndex}
              onChoose={() => onChoose(index)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function describeAnswer({ answer, pending }: ConversationSearch, t: TFunction<'search'>): string {
  if (answer === null) return pending ? t('searching') : '';
  if ('error' in answer) return t('failed', { error: answer.error });
  const count = answer.hits.length;
  if (count === 0) return t('noHits', { query: answer.query });
  return t('results', { count });
}
