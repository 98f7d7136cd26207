import type { MessageStats } from '../../../contract/index.js';

/** The per-answer figures shown under an answer, e.g. ["42.1 tok/s", "first token 180 ms", "256 tokens"]. */
export function formatStats(stats: MessageStats): string[] {
  const parts: string[] = [];
  if (stats.tokensPerSecond !== null) parts.push(`${stats.tokensPerSecond.toFixed(1)} tok/s`);
  if (stats.timeToFirstTokenMs !== null) parts.push(`first token ${formatDuration(stats.timeToFirstTokenMs)}`);
  parts.push(`${stats.completionTokens} ${stats.completionTokens === 1 ? 'token' : 'tokens'}`);
  return parts;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
