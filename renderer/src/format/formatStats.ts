import type { MessageStats } from '../../../contract/index.js';
import { formatFixed, formatNumber } from '../i18n/formatters.js';
import { t } from '../i18n/i18n.js';
import { formatTokens } from './describeContext.js';

/** The per-answer figures shown under an answer, e.g. ["42.1 tok/s", "first token 180 ms", "256 tokens"]. */
export function formatStats(stats: MessageStats): string[] {
  const parts: string[] = [];
  if (stats.tokensPerSecond !== null) {
    parts.push(t('statsRate', { ns: 'chat', rate: formatFixed(stats.tokensPerSecond, 1) }));
  }
  if (stats.timeToFirstTokenMs !== null) {
    parts.push(t('statsFirstToken', { ns: 'chat', time: formatDuration(stats.timeToFirstTokenMs) }));
  }
  parts.push(formatTokens(stats.completionTokens));
  return parts;
}

export function formatDuration(ms: number): string {
  return ms < 1000
    ? t('milliseconds', { ns: 'chat', value: formatNumber(Math.round(ms)) })
    : t('seconds', { ns: 'chat', value: formatFixed(ms / 1000, ms < 10_000 ? 2 : 1) });
}
