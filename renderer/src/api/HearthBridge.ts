import type { HearthBridge } from '../../../contract/index.js';

export type { HearthBridge };

declare global {
  interface Window {
    /** Present only in the desktop app, set by the preload script. */
    hearth?: HearthBridge;
  }
}
