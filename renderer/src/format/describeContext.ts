import type { ContextPreparation } from '../../../contract/index.js';
import { formatFixed, formatNumber } from '../i18n/formatters.js';
import { t } from '../i18n/i18n.js';

/**
 * How an answer's context was prepared, in words: a short label for the answer's footer
 * ("Resumed from saved state · 4 ms") and a sentence with every figure for its tooltip.
 */
export function describeContext(context: ContextPreparation): { label: string; detail: string } {
  const tokens = formatTokens(context.tokens);
  const time = formatPrepTime(context.ms);
  const read = t('contextRead', { ns: 'chat', tokens, time });
  switch (context.source) {
    case 'state':
      return {
        label: t('contextStateLabel', { ns: 'chat', time }),
        detail: t('contextStateDetail', { ns: 'chat', read }),
      };
    case 'prompt-cache':
      return {
        label: t('contextPromptCacheLabel', { ns: 'chat', time }),
        detail: t('contextPromptCacheDetail', { ns: 'chat', read }),
      };
    case 'live':
      return {
        label: t('contextLiveLabel', { ns: 'chat', tokens }),
        detail: t('contextLiveDetail', { ns: 'chat', read }),
      };
    case 'reread':
      return {
        label: t('contextRereadLabel', { ns: 'chat', tokens, time }),
        detail: t('contextRereadDetail', { ns: 'chat', read }),
      };
    default:
      return context.source satisfies never;
  }
}

/** 3200 → "3,200 tokens". */
export function formatTokens(count: number): string {
  // `count` picks the plural form; the number shown is formatted for the UI's language.
  return t('tokens', { ns: 'chat', count, formatted: formatNumber(count) });
}

/** Milliseconds below a second, else seconds with one decimal: "4 ms", "1.9 s". */
function formatPrepTime(ms: number): string {
  const rounded = Math.round(ms);
  return rounded < 1000
    ? t('milliseconds', { ns: 'chat', value: formatNumber(rounded) })
    : t('seconds', { ns: 'chat', value: formatFixed(ms / 1000, 1) });
}
