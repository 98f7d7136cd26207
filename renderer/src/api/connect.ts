import { createApiClient, type ApiClient } from './apiClient.js';
import { createWebSocketBridge } from './webSocketBridge.js';

/** The desktop preload sets `window.hearth`; anywhere else the page was served by the web host. */
export function connect(): ApiClient {
  return createApiClient(window.hearth ?? createWebSocketBridge());
}
