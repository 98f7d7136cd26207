import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryTab } from '../../store/uiSlice.js';

const TABS = [
  { id: 'installed', label: 'tabInstalled' },
  { id: 'catalog', label: 'tabCatalog' },
  { id: 'downloads', label: 'tabDownloads' },
] as const satisfies readonly { id: LibraryTab; label: string }[];

interface LibraryTabsProps {
  tab: LibraryTab;
  onChange: (tab: LibraryTab) => void;
  idPrefix: string;
  counts: Partial<Record<LibraryTab, number>>;
}

/** The library's tabs, with the arrow keys moving between them as the ARIA tabs pattern has it. */
export function LibraryTabs({ tab, onChange, idPrefix, counts }: LibraryTabsProps) {
  const { t } = useTranslation('library');
  const refs = useRef(new Map<LibraryTab, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((candidate) => candidate.id === tab);
    const next =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index + TABS.length - 1) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onChange(next.id);
    refs.current.get(next.id)?.focus();
  };

  return (
    <div className="library-tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={onKeyDown}>
      {TABS.map(({ id, label }) => {
        const count = counts[id];
        return (
          <button
            key={id}
            ref={(element) => {
              if (element) refs.current.set(id, element);
              else refs.current.delete(id);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={tab === id ? 0 : -1}
            className="library-tab"
            onClick={() => onChange(id)}
            data-testid={`library-tab-${id}`}
          >
            {t(label)}
            {count !== undefined && count > 0 && <span className="count">{count}</span>}
          </button>
        );
      })}
    </div>
  );
}
