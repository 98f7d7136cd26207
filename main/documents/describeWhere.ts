import type { SearchHit } from '../../contract/index.js';

/** Where a passage is, as the model and the user read it: "file, section, page N". */
export function describeWhere(hit: Pick<SearchHit, 'fileName' | 'headingPath' | 'page'>): string {
  return [hit.fileName, hit.headingPath.at(-1), hit.page === null ? null : `page ${hit.page}`]
    .filter(Boolean)
    .join(', ');
}
