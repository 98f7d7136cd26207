import { useEffect, useMemo } from 'react';
import type { CatalogEntry, CatalogFit, ModelFamily } from '../../../../contract/index.js';
import { FAMILY_ORDER, familyLabel } from '../../format/familyLabel.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { SkeletonLines } from '../settings/hardware/SkeletonLines.js';
import { CatalogEntryCard } from './CatalogEntryCard.js';
import { RecommendationCard } from './RecommendationCard.js';

/** The catalog shipped with Hearth, grouped by family, with how each file would run here. */
export function CatalogTab({ entryId = null }: { entryId?: string | null }) {
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
          <p>The catalog could not be read: {error}</p>
          <button type="button" className="button" onClick={() => void commands.refreshCatalog()}>
            Try again
          </button>
        </div>
      );
    }
    return <SkeletonLines label="Reading the catalog and estimating each file for this computer…" lines={6} />;
  }

  return (
    <div className="catalog" aria-busy={loading}>
      <RecommendationCard testId="recommendation" />
      {error && (
        <p className="field-error" role="alert">
          The catalog could not be refreshed: {error}
        </p>
      )}
      {groups.length === 0 && <p className="library-empty">The catalog is empty.</p>}
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
      <p className="fine-print">
        Sizes and sources checked on {catalog.checkedOn}. Speeds are estimates from this computer's memory bandwidth;
        real speeds depend on the prompt and what else is running.
      </p>
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
