/** 24.3 → "24", 3.46 → "3.5", 0.04 → "0.04": enough digits to tell slow from very slow. */
export function formatTokenRate(tokensPerSecond: number): string {
  if (tokensPerSecond >= 10) return Math.round(tokensPerSecond).toLocaleString();
  if (tokensPerSecond >= 0.1) return tokensPerSecond.toFixed(1);
  return tokensPerSecond.toPrecision(1);
}
