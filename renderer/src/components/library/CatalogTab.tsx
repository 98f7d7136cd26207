import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry, CatalogFit, ModelFamily } from '../../../../contract/index.js';
import { FAMILY_ORDER, familyLabel } from '../../format/familyLabel.js';
import { dateFormat } from '../../i18n/formatters.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { SkeletonLines } from '../settings/hardware/SkeletonLines.js';
import { CatalogEntryCard } from './CatalogEntryCard.js';
import { RecommendationCard } from './RecommendationCard.js';

/** The catalog shipped with Hearth, grouped by family, with how each file would run here. */
export function CatalogTab({ entryId = null }: { entryId?: string | null }) {
  const { t } = useTranslation('library');
  const commands = useCommands();
  const catalog = useAppStore((state) => state.catalog);
  const loading = useAppStore((state) => state.catalogLoading);
  const error = useAppStore((state) => state.catalogError);
  const shown = catalog !== null;

  // Opened for one entry: bring it into view once the catalog is there.
  useEffect(() => {
    if (!shown || entryId === null) return;
    document.querySelector(`[data-entry-id="${CSS.escape(entryId)}"]`)?.scrollIntoView({ block: 'start' });
  }, [shown, entryId]);

  const groups = useMemo(() => groupByFamily(catalog?.entries ?? []), [catalog]);
  const fitsByEntry = useMemo(() => indexFits(catalog?.fits ?? []), [catalog]);

  if (!catalog) {
    if (error) {
      return (
        <div className="library-empty" role="alert" data-testid="catalog-error">
          <p>{t('catalogReadFailed', { error })}</p>
          <button type="button" className="button" onClick={() => void commands.refreshCatalog()}>
            {t('tryAgain')}
          </button>
        </div>
      );
    }
    return <SkeletonLines label={t('catalogLoading')} lines={6} />;
  }

  return (
    <div className="catalog" aria-busy={loading}>
      <RecommendationCard testId="recommendation" />
      {error && (
        <p className="field-error" role="alert">
          {t('catalogRefreshFailed', { error })}
        </p>
      )}
      {groups.length === 0 && <p className="library-empty">{t('catalogEmpty')}</p>}
      {groups.map(([family, entries]) => (
        <section key={family} className="catalog-family" aria-labelledby={`family-${family}`}>
          <h3 id={`family-${family}`} className="catalog-family-title">
            {familyLabel(family)} <span className="count">{entries.length}</span>
          </h3>
          {entries.map((entry) => (
            <CatalogEntryCard key={entry.id} entry={entry} fits={fitsByEntry.get(entry.id) ?? new Map()} />
          ))}
        </section>
      ))}
      <p className="fine-print">{t('catalogFinePrint', { date: formatCheckedOn(catalog.checkedOn) })}</p>
    </div>
  );
}

function groupByFamily(entries: readonly CatalogEntry[]): [ModelFamily, CatalogEntry[]][] {
  return FAMILY_ORDER.map((family): [ModelFamily, CatalogEntry[]] => [
    family,
    entries.filter((entry) => entry.family === family),
  ]).filter(([, members]) => members.length > 0);
}

function indexFits(fits: readonly CatalogFit[]): Map<string, Map<string, CatalogFit>> {
  const byEntry = new Map<string, Map<string, CatalogFit>>();
  for (const fit of fits) {
    const files = byEntry.get(fit.entryId) ?? new Map<string, CatalogFit>();
    files.set(fit.quantization, fit);
    byEntry.set(fit.entryId, files);
  }
  return byEntry;
}

/** "2025-06-01" (the catalog's day) as a date in the UI's language; read as UTC so it stays that day. */
function formatCheckedOn(day: string): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(at) ? day : dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}
