import { t } from '../i18n/i18n.js';

/** 42 → "42 s", 330 → "5 min 30 s", 7260 → "2 h 1 min": a time left, as precise as it is useful. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return t('durationSeconds', { ns: 'settings', seconds: whole });
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) {
    const rest = whole % 60;
    return minutes < 10 && rest > 0
      ? t('durationMinutesSeconds', { ns: 'settings', minutes, seconds: rest })
      : t('durationMinutes', { ns: 'settings', minutes });
  }
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  return restMinutes > 0
    ? t('durationHoursMinutes', { ns: 'settings', hours, minutes: restMinutes })
    : t('durationHours', { ns: 'settings', hours });
}
