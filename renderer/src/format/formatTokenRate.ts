import { formatNumber } from '../i18n/formatters.js';

/** 24.3 → "24", 3.46 → "3.5", 0.04 → "0.04": enough digits to tell slow from very slow. */
export function formatTokenRate(tokensPerSecond: number): string {
  if (tokensPerSecond >= 10) return formatNumber(Math.round(tokensPerSecond));
  if (tokensPerSecond >= 0.1) return formatNumber(tokensPerSecond, { maxDigits: 1 });
  return formatNumber(Number(tokensPerSecond.toPrecision(1)), { maxDigits: 3 });
}
