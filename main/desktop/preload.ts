/**
 * The desktop window's preload (sandboxed, bundled to one CommonJS file). It exposes exactly the
 * bridge the contract declares: calls and events whose names the contract lists, and nothing of
 * Electron or Node itself.
 */
// Must stay the first import: zod must not probe for `new Function` under the page's CSP.
import '../../contract/zodJitless.js';
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  apiCalls,
  apiEvents,
  type HearthBridge,
  IPC_CALL_CHANNEL,
  IPC_EVENT_CHANNEL,
  isName,
} from '../../contract/index.js';

const bridge: HearthBridge = {
  host: 'desktop',
  call(method, input) {
    if (!isName(apiCalls, method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid_input', message: `Unknown call: ${String(method)}` },
      });
    }
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input);
  },
  onEvent(listener) {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (isName(apiEvents, name)) listener(name, payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.off(IPC_EVENT_CHANNEL, handler);
    };
  },
  pathForFile(file) {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('hearth', bridge);
