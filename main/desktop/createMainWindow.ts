import { fileURLToPath } from 'node:url';
import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ORIGIN } from './appProtocol.js';
import { windowPreferences } from './windowPreferences.js';

const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: 'Hearth',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1b1f' : '#ffffff',
    webPreferences: windowPreferences(PRELOAD),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
