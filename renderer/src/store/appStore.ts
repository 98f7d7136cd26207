import { create } from 'zustand';
import type { AllSlices } from './AllSlices.js';
import { createConversationsSlice } from './conversationsSlice.js';
import { createDocumentsSlice } from './documentsSlice.js';
import { createHardwareSlice } from './hardwareSlice.js';
import { createLibrarySlice } from './librarySlice.js';
import { createMessagesSlice } from './messagesSlice.js';
import { createModelsSlice } from './modelsSlice.js';
import { createRemoteSlice } from './remoteSlice.js';
import { createServerSlice } from './serverSlice.js';
import { createSettingsSlice } from './settingsSlice.js';
import { createUiSlice } from './uiSlice.js';

/**
 * The renderer's one store. Slices hold state and plain state transitions only; everything that
 * talks to main lives in `session/`, which calls these transitions with the results.
 */
export const useAppStore = create<AllSlices>()((...args) => ({
  ...createConversationsSlice(...args),
  ...createDocumentsSlice(...args),
  ...createHardwareSlice(...args),
  ...createLibrarySlice(...args),
  ...createMessagesSlice(...args),
  ...createModelsSlice(...args),
  ...createRemoteSlice(...args),
  ...createServerSlice(...args),
  ...createSettingsSlice(...args),
  ...createUiSlice(...args),
}));

export type AppStore = typeof useAppStore;
