/**
 * The desktop app's main process: a thin layer that hardens Electron, starts the same services
 * the web host uses (with the engine as a utility process) and connects one window to them.
 */
import { app, BrowserWindow, dialog, shell } from 'electron';
import { textIn } from '../../contract/i18n/index.js';
import { gpuChoiceFrom } from '../app/gpuChoice.js';
import { createHearth, type Hearth } from '../app/createHearth.js';
import { resolveDataPaths } from '../app/dataPaths.js';
import { rendererDir } from '../web/rendererDir.js';
import { registerAppScheme, serveRenderer } from './appProtocol.js';
import { createMainWindow } from './createMainWindow.js';
import { hardenApp } from './hardenContents.js';
import { registerIpc } from './registerIpc.js';
import { utilityProcessLauncher } from './utilityProcessTransport.js';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let window: BrowserWindow | null = null;
  let hearth: Hearth | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  // The file dialogs' words, in the UI's language (English until the window has said which).
  const say = (key: 'chooseModelFile' | 'modelFiles' | 'chooseDocuments' | 'documentFiles' | 'chooseModelsFolder') =>
    textIn(hearth?.uiLanguage.current() ?? 'en', 'desktop', key);

  void app.whenReady().then(() => {
    hardenApp();
    serveRenderer(rendererDir());
    hearth = createHearth({
      paths: resolveDataPaths(process.argv, process.env, app.getPath('userData')),
      host: 'desktop',
      launcher: utilityProcessLauncher,
      gpu: gpuChoiceFrom(process.env.HEARTH_GPU),
      // The last-used model loads while the window opens (off in Settings).
      warmUp: true,
      platform: {
        openFolder: async (path) => {
          const failure = await shell.openPath(path);
          if (failure) throw new Error(failure);
        },
        revealFile: async (path) => shell.showItemInFolder(path),
        chooseModelFile: async () => {
          const options = {
            title: say('chooseModelFile'),
            properties: ['openFile' as const],
            filters: [{ name: say('modelFiles'), extensions: ['gguf'] }],
          };
          const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        chooseDocuments: async () => {
          const options = {
            title: say('chooseDocuments'),
            properties: ['openFile' as const, 'multiSelections' as const],
            filters: [
              { name: say('documentFiles'), extensions: ['pdf', 'docx', 'md', 'markdown', 'html', 'htm', 'txt'] },
            ],
          };
          const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
          return result.canceled ? [] : result.filePaths;
        },
        chooseFolder: async () => {
          const options = {
            title: say('chooseModelsFolder'),
            properties: ['openDirectory' as const, 'createDirectory' as const],
          };
          const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
      },
    });
    registerIpc(hearth, () => window);
    window = createMainWindow();
    window.on('closed', () => {
      window = null;
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !hearth) return;
    event.preventDefault();
    void hearth.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}
