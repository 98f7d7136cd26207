import { app, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './appProtocol.js';

/** Links the app may open in the user's browser: https only, and only these hosts. */
const EXTERNAL_HOSTS = new Set(['huggingface.co', 'github.com']);

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

/**
 * Where Chromium would fetch Hunspell dictionaries from: a closed local port, not Google's servers.
 * The spellchecker is off anyway; this makes sure nothing turns it back into a download.
 */
const NO_DICTIONARY_DOWNLOAD = 'http://127.0.0.1:9/';

/**
 * Electron's security checklist for everything that renders: every permission request denied,
 * no navigation away from the app, no new windows (allowed links go to the system browser), no
 * <webview>, and no spellchecker (it downloads dictionaries unasked on Windows and Linux).
 */
export function hardenApp(): void {
  const denyAll = session.defaultSession;
  denyAll.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  denyAll.setPermissionCheckHandler(() => false);
  denyAll.setDevicePermissionHandler(() => false);
  denyAll.setSpellCheckerEnabled(false);
  denyAll.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOAD);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
