import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationSearchHit } from '../../../contract/index.js';
import { useCommands } from '../session/CommandsContext.js';

/** Long enough that a word typed at speed is one search, short enough to feel immediate. */
const DEBOUNCE_MS = 150;

/** What main answered for `query`: the hits, or why there are none. */
export type SearchAnswer = { query: string } & ({ hits: ConversationSearchHit[] } | { error: string });

export interface ConversationSearch {
  /** What the user typed. */
  query: string;
  setQuery: (query: string) => void;
  /** True while a query is typed: results replace the conversation list. */
  active: boolean;
  /** The newest answer for the query (or, while the next one is on its way, the one before). */
  answer: SearchAnswer | null;
  /** True while the typed query has not been answered yet. */
  pending: boolean;
  /** The result arrow keys have moved to, that Enter opens. */
  activeIndex: number;
  setActiveIndex: (index: number) => void;
}

/**
 * The search box's state: searches as the user types (debounced), and keeps only the newest
 * query's answer, since replies to earlier queries can arrive after it.
 */
export function useConversationSearch(): ConversationSearch {
  const commands = useCommands();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const latest = useRef(0);
  const trimmed = query.trim();

  useEffect(() => {
    // Every change outdates the replies still on their way, clearing the box included.
    const request = ++latest.current;
    if (trimmed === '') return;
    const timer = setTimeout(() => {
      void commands.searchConversations(trimmed).then((reply) => {
        if (request !== latest.current) return;
        setAnswer({ query: trimmed, ...reply });
        setActiveIndex(0);
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [trimmed, commands]);

  const changeQuery = useCallback((next: string) => {
    setQuery(next);
    // Results from before the box was cleared are not shown while the next query's first reply is awaited.
    if (next.trim() === '') setAnswer(null);
  }, []);

  const active = trimmed !== '';
  return {
    query,
    setQuery: changeQuery,
    active,
    answer,
    pending: active && answer?.query !== trimmed,
    activeIndex,
    setActiveIndex,
  };
}
