import type { WebPreferences } from 'electron';

/**
 * The main window's webPreferences: Electron's security checklist, kept free of any Electron
 * value so a unit test can read it (Electron's binary cannot run where the tests run).
 *
 * `spellcheck` is off: with it on, Chromium on Windows and Linux downloads Hunspell dictionaries
 * from Google's servers the first time a text field is focused, and Hearth sends nothing
 * anywhere unasked (hardenApp also turns the session's spellchecker off and points its
 * dictionary URL at nothing).
 */
export function windowPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const satisfies WebPreferences;
}
