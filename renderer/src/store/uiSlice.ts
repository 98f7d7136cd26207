import type { Citation, MessageRole, Notice } from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

export type BannerLevel = Notice['level'];

export type LibraryTab = 'installed' | 'catalog' | 'downloads';

export interface Banner {
  id: number;
  level: BannerLevel;
  message: string;
}

export type OpenDialog =
  | { kind: 'settings' }
  | { kind: 'conversationSettings' }
  /** `entryId`: a catalog entry to show (the catalog tab scrolls to it). */
  | { kind: 'library'; tab: LibraryTab; entryId?: string }
  | { kind: 'documents' }
  | { kind: 'attachDocuments' }
  /** A cited passage in its document. */
  | { kind: 'passage'; citation: Citation }
  | { kind: 'confirmDelete'; conversationId: string; title: string }
  | { kind: 'confirmDeleteBranch'; messageId: string; role: MessageRole }
  | null;

const MAX_BANNERS = 4;

export interface UiSlice {
  /** The first load finished (whether or not every part of it succeeded). */
  ready: boolean;
  /** False while the web host's socket is down and reconnecting. */
  connected: boolean;
  banners: Banner[];
  dialog: OpenDialog;
  /** Narrow windows only: whether the conversation list is shown over the chat. */
  sidebarOpen: boolean;
  /** Bumped to move keyboard focus to the composer. */
  composerFocusRequest: number;
  /** Short status text for screen readers (aria-live). */
  announcement: string;

  setReady: () => void;
  setConnected: (connected: boolean) => void;
  showBanner: (level: BannerLevel, message: string) => void;
  dismissBanner: (id: number) => void;
  openDialog: (dialog: Exclude<OpenDialog, null>) => void;
  closeDialog: () => void;
  setSidebarOpen: (open: boolean) => void;
  focusComposer: () => void;
  announce: (text: string) => void;
}

let nextBannerId = 1;

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  ready: false,
  connected: true,
  banners: [],
  dialog: null,
  sidebarOpen: false,
  composerFocusRequest: 0,
  announcement: '',

  setReady: () => set({ ready: true }),
  setConnected: (connected) => set({ connected }),

  showBanner: (level, message) =>
    set((state) => {
      // The same message again (a retried call, a repeated notice) moves to the top instead of piling up.
      const others = state.banners.filter((banner) => banner.message !== message);
      return { banners: [{ id: nextBannerId++, level, message }, ...others].slice(0, MAX_BANNERS) };
    }),

  dismissBanner: (id) => set((state) => ({ banners: state.banners.filter((banner) => banner.id !== id) })),

  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setSidebarOpen: (sidebarOpen) => set({ sidebarOpen }),
  focusComposer: () => set((state) => ({ composerFocusRequest: state.composerFocusRequest + 1 })),
  announce: (announcement) => set({ announcement }),
});
