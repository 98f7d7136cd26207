import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSearchHit, SearchSnippet } from '../../../../contract/index.js';
import { formatUpdatedAt } from '../../format/formatUpdatedAt.js';
import { splitSnippet } from '../../format/splitSnippet.js';
import { t } from '../../i18n/i18n.js';

interface SearchHitOptionProps {
  id: string;
  hit: ConversationSearchHit;
  selected: boolean;
  onChoose: () => void;
}

/** Where it matched: the title, or a message and who wrote it (the app calls the model's side "Hearth"). */
function source(hit: ConversationSearchHit): string {
  if (hit.messageId === null) return t('whereTitle', { ns: 'search' });
  return hit.role === 'user' ? t('whereYou', { ns: 'search' }) : t('whereHearth', { ns: 'search' });
}

/** One result: the conversation's title, where it matched with the match marked, who said it and when. */
export function SearchHitOption({ id, hit, selected, onChoose }: SearchHitOptionProps) {
  const { t: translate } = useTranslation('search');
  const title = hit.title.trim() || translate('untitled');
  const byTitle = hit.messageId === null;
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className="search-hit"
      // Keeps focus in the search box, so the arrow keys go on from the clicked result.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
      data-testid="search-hit"
      data-conversation-id={hit.conversationId}
      data-message-id={hit.messageId ?? undefined}
    >
      <span className="search-hit-title">{byTitle ? <MarkedText snippet={hit.snippet} /> : title}</span>
      {!byTitle && (
        <span className="search-hit-snippet" data-testid="search-snippet">
          <MarkedText snippet={hit.snippet} />
        </span>
      )}
      <span className="search-hit-meta">
        {translate('hitMeta', { where: source(hit), when: formatUpdatedAt(hit.at) })}
      </span>
    </li>
  );
}

/** The snippet as text, its matches in <mark>: never parsed as HTML. */
function MarkedText({ snippet }: { snippet: SearchSnippet }) {
  return splitSnippet(snippet).map((part, index) =>
    part.matched ? (
      <mark key={index} className="search-mark">
        {part.text}
      </mark>
    ) : (
      <Fragment key={index}>{part.text}</Fragment>
    ),
  );
}
