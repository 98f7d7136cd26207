import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSearch } from '../../hooks/useConversationSearch.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { RESULTS_ID, searchOptionId } from './searchIds.js';

interface SearchFieldProps {
  search: ConversationSearch;
  /** How many results are listed, for the arrow keys. */
  count: number;
  onChoose: (index: number) => void;
}

/**
 * The search box above the conversation list. Focus stays here while the arrow keys move through
 * the results (aria-activedescendant), so typing can go on at any time.
 */
export function SearchField({ search, count, onChoose }: SearchFieldProps) {
  const { t } = useTranslation('search');
  const { query, setQuery, active, activeIndex, setActiveIndex } = search;
  const input = useRef<HTMLInputElement>(null);
  const focusRequest = useAppStore((state) => state.searchFocusRequest);
  const sidebarOpen = useAppStore((state) => state.sidebarOpen);
  const setSidebarOpen = useAppStore((state) => state.setSidebarOpen);
  const handled = useRef(0);

  useEffect(() => {
    const field = input.current;
    if (focusRequest === handled.current || !field) return;
    // In a narrow window the list is hidden until opened; the box is focused once it shows.
    if (!field.checkVisibility({ visibilityProperty: true })) {
      if (!sidebarOpen) setSidebarOpen(true);
      return;
    }
    handled.current = focusRequest;
    field.focus();
    field.select();
  }, [focusRequest, sidebarOpen, setSidebarOpen]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter and the arrows also pick characters in an input method (Chinese, Japanese…).
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      const next = Math.min(count - 1, Math.max(0, activeIndex + (event.key === 'ArrowDown' ? 1 : -1)));
      setActiveIndex(next);
      document.getElementById(searchOptionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter' && activeIndex < count) {
      event.preventDefault();
      onChoose(activeIndex);
    } else if (event.key === 'Escape' && query !== '') {
      // Handled here, so the window's Esc (close the narrow sidebar, stop the answer) waits for the next press.
      event.preventDefault();
      setQuery('');
    }
  };

  return (
    <div className="search-field">
      <label className="visually-hidden" htmlFor="conversation-search">
        {t('label')}
      </label>
      <Icon name="search" />
      <input
        id="conversation-search"
        ref={input}
        type="search"
        role="combobox"
        className="input search-input"
        placeholder={t('placeholder')}
        title={t('titleWithShortcut')}
        aria-keyshortcuts="Control+K Meta+K"
        aria-controls={active ? RESULTS_ID : undefined}
        aria-expanded={active}
        aria-autocomplete="list"
        aria-activedescendant={active && activeIndex < count ? searchOptionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        data-testid="conversation-search"
      />
    </div>
  );
}
