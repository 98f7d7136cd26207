import { formatNumber } from '../i18n/formatters.js';

/**
 * 1_234_567 → "1.2 M", 7_610_000_000 → "7.6 B": model sizes as model cards write them. The
 * K/M/B/T suffixes are how model sizes are named in both languages ("7B" in Chinese too).
 */
export function formatParameterCount(count: number): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, unit] of units) {
    if (count >= size) {
      const value = count / size;
      return `${formatNumber(value, { maxDigits: value >= 100 ? 0 : 1 })} ${unit}`;
    }
  }
  return formatNumber(count);
}
