/** The results list, which the search box controls. */
export const RESULTS_ID = 'conversation-search-results';

/** One result's element id, for aria-activedescendant. */
export function searchOptionId(index: number): string {
  return `conversation-search-hit-${index}`;
}
