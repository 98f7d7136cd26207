import { formatNumber } from '../i18n/formatters.js';

/** Unit symbols are the same in English and Chinese UIs ("1.5 GB"); only the number is localized. */
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/**
 * 1536 → "1.5 KB". Decimal units by default, as file managers on every platform but Windows show
 * them. `binary` counts 1024 to the unit, as the saved-state settings do: their sizes are typed in
 * whole MB and GB of 1024, so "2 GB" there means 2 × 1024³ bytes.
 */
export function formatBytes(bytes: number, { binary = false }: { binary?: boolean } = {}): string {
  const step = binary ? 1024 : 1000;
  let value = bytes;
  let unit = 0;
  while (value >= step && unit < UNITS.length - 1) {
    value /= step;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 || Number.isInteger(value) ? 0 : 1;
  // Rounded first, as toFixed did: 1.96 → "2.0" before, now "2" (Intl drops a trailing zero).
  return `${formatNumber(Number(value.toFixed(digits)), { maxDigits: digits })} ${UNITS[unit]}`;
}
