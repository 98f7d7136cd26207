import type { CallResult } from './rpc.js';

/**
 * The raw channel a host gives the renderer. The desktop preload implements it over Electron IPC
 * (`window.hearth`); the web host's page implements it over a WebSocket. The typed client in the
 * renderer is built on top of it, and both ends check names and payloads against this contract.
 */
export interface HearthBridge {
  readonly host: 'desktop' | 'web';
  call(method: string, input: unknown): Promise<CallResult>;
  /** Subscribes to every event main pushes; returns the unsubscribe function. */
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  /** Web host only: the socket's state, so the UI can say when it is reconnecting. */
  onConnection?(listener: (connected: boolean) => void): () => void;
  /**
   * Desktop only: the path of a file dropped on the page (Electron's webUtils.getPathForFile), so
   * a dropped model can be imported. Pages never see paths otherwise.
   */
  pathForFile?(file: File): string;
}
