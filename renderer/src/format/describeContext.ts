import type { ContextPreparation } from '../../../contract/index.js';

/**
 * How an answer's context was prepared, in words: a short label for the answer's footer
 * ("Resumed from saved state · 4 ms") and a sentence with every figure for its tooltip.
 */
export function describeContext(context: ContextPreparation): { label: string; detail: string } {
  const tokens = formatTokens(context.tokens);
  const time = formatPrepTime(context.ms);
  const read = `Read ${tokens} in ${time} before answering.`;
  switch (context.source) {
    case 'state':
      return { label: `Resumed from saved state · ${time}`, detail: `Started from a saved state. ${read}` };
    case 'prompt-cache':
      return {
        label: `Started from the cached system prompt · ${time}`,
        detail: `Started from the saved system-prompt state. ${read}`,
      };
    case 'live':
      return { label: `Continued in memory · ${tokens}`, detail: `The engine still held this conversation. ${read}` };
    case 'reread':
      return { label: `Re-read ${tokens} · ${time}`, detail: `Read the whole conversation again. ${read}` };
    default:
      return context.source satisfies never;
  }
}

/** 3200 → "3,200 tokens". */
function formatTokens(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'token' : 'tokens'}`;
}

/** Milliseconds below a second, else seconds with one decimal: "4 ms", "1.9 s". */
function formatPrepTime(ms: number): string {
  const rounded = Math.round(ms);
  return rounded < 1000 ? `${rounded} ms` : `${(ms / 1000).toFixed(1)} s`;
}
