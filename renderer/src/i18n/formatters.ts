import { currentLanguage } from './i18n.js';

/**
 * Numbers, sizes and dates in the UI's language (Intl), so "1,234" and "2024年5月3日" follow the
 * language the user chose rather than the browser's. Formatters are cached per language.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n:${currentLanguage()}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(currentLanguage(), options)));
  return format;
}

export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${currentLanguage()}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(currentLanguage(), options)));
  return format;
}

/** 4096 → "4,096"; `digits` fixes the fraction digits (at most). */
export function formatNumber(value: number, { maxDigits = 0 }: { maxDigits?: number } = {}): string {
  return numberFormat({ maximumFractionDigits: maxDigits }).format(value);
}

/** 0.42 → "42%". */
export function formatPercent(fraction: number): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A point in time, date and time, e.g. in an export's header or an engine's last exit. */
export function formatDateTime(at: number): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/** 42 → "42.0" with `digits` = 1: always that many fraction digits (figures that sit in a column or tick). */
export function formatFixed(value: number, digits: number): string {
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
