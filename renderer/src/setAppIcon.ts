import iconUrl from './assets/hearth-icon.svg';

/**
 * Gives the page its icon. Without a <link rel="icon"> the browser asks the web host for
 * /favicon.ico, and the 404 is logged as a console error on every load.
 */
export function setAppIcon(): void {
  const link = document.createElement('link');
  link.rel = 'icon';
  link.type = 'image/svg+xml';
  link.href = iconUrl;
  document.head.append(link);
}
