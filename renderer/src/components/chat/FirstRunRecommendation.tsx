import { useEffect } from 'react';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { RecommendationCard } from '../library/RecommendationCard.js';

/** On a first run, the catalog's pick for this machine; the catalog is fetched for it only then. */
export function FirstRunRecommendation() {
  const commands = useCommands();
  const asked = useAppStore((state) => state.catalog !== null || state.catalogLoading || state.catalogError !== null);

  useEffect(() => {
    if (!asked) void commands.refreshCatalog();
  }, [asked, commands]);

  return <RecommendationCard testId="first-run-recommendation" />;
}
