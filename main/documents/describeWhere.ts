import { type Language, promptText } from '../../contract/i18n/index.js';
import type { SearchHit } from '../../contract/index.js';

/** Where a passage is, as the model and the user read it: "file, section, page N" (in `language`). */
export function describeWhere(
  hit: Pick<SearchHit, 'fileName' | 'headingPath' | 'page'>,
  language: Language = 'en',
): string {
  return [
    hit.fileName,
    hit.headingPath.at(-1),
    hit.page === null ? null : promptText(language, 'page', { page: hit.page }),
  ]
    .filter(Boolean)
    .join(promptText(language, 'listSeparator'));
}
