import type { StateCreator } from 'zustand';
import type { ConversationsSlice } from './conversationsSlice.js';
import type { DocumentsSlice } from './documentsSlice.js';
import type { HardwareSlice } from './hardwareSlice.js';
import type { LibrarySlice } from './librarySlice.js';
import type { MessagesSlice } from './messagesSlice.js';
import type { ModelsSlice } from './modelsSlice.js';
import type { RemoteSlice } from './remoteSlice.js';
import type { ServerSlice } from './serverSlice.js';
import type { SettingsSlice } from './settingsSlice.js';
import type { UiSlice } from './uiSlice.js';

/** The whole renderer state: one store, one slice per concern. */
export type AllSlices = ConversationsSlice &
  DocumentsSlice &
  HardwareSlice &
  LibrarySlice &
  MessagesSlice &
  ModelsSlice &
  RemoteSlice &
  ServerSlice &
  SettingsSlice &
  UiSlice;

export type SliceCreator<Slice> = StateCreator<AllSlices, [], [], Slice>;
