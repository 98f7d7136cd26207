const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayOfYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const fullDate = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** A short timestamp for lists: the time today, the day this year, the full date before. */
export function formatUpdatedAt(at: number, now = Date.now()): string {
  const date = new Date(at);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return timeOfDay.format(date);
  if (date.getFullYear() === today.getFullYear()) return dayOfYear.format(date);
  return fullDate.format(date);
}
