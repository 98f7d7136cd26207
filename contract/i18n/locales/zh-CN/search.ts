import type { Catalog } from '../../catalogTypes.js';
import type { search as en } from '../en/search.js';

// Simplified Chinese for the 'search' namespace.
export const search: Catalog<typeof en> = {
  label: '搜索对话',
  placeholder: '搜索对话',
  titleWithShortcut: '搜索对话 (Ctrl+K)',
  resultsLabel: '搜索结果',
  searching: '正在搜索…',
  failed: '搜索失败：{{error}}',
  noHits: '没有对话提到“{{query}}”',
  results_one: '{{count}} 个结果',
  results_other: '{{count}} 个结果',
  whereTitle: '标题',
  whereYou: '你',
  whereHearth: 'Hearth',
  untitled: '新对话',
  hitMeta: '{{where}} · {{when}}',
};
