import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../contract/index.js';
import type { Hearth } from '../app/createHearth.js';
import { APP_ORIGIN } from './appProtocol.js';

/** Only our own page, in our own window, at our own origin may call main. */
function trustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frameUrl = event.senderFrame?.url ?? '';
  return event.sender === window.webContents && frameUrl.startsWith(`${APP_ORIGIN}/`);
}

/** One channel for every call, validated by the shared dispatch; one channel for every event. */
export function registerIpc(hearth: Hearth, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    const window = getWindow();
    if (!window || !trustedSender(event, window)) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the Hearth window.' } };
    }
    return hearth.dispatch(method, input, { origin: APP_ORIGIN });
  });
  const unsubscribe = hearth.events.subscribe((event, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    unsubscribe();
  };
}
