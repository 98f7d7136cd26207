import { dateFormat } from '../i18n/formatters.js';

/** A short timestamp for lists: the time today, the day this year, the full date before (in the UI's language). */
export function formatUpdatedAt(at: number, now = Date.now()): string {
  const date = new Date(at);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) {
    return dateFormat({ hour: 'numeric', minute: '2-digit' }).format(date);
  }
  if (date.getFullYear() === today.getFullYear()) return dateFormat({ month: 'short', day: 'numeric' }).format(date);
  return dateFormat({ year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}
