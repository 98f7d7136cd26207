import type { LocalizedText } from '../../../contract/i18n/index.js';
import type { Citation, MessageRole, Notice } from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

export type BannerLevel = Notice['level'];

export type LibraryTab = 'installed' | 'catalog' | 'downloads';

/** What main or a command said: English `message`, and `text` (a catalog key) to show it translated. */
export interface ShownMessage {
  message: string;
  text?: LocalizedText | undefined;
}

export interface Banner extends ShownMessage {
  id: number;
  level: BannerLevel;
  /** Raised by this conversation's action: shown only while it is open. Absent: app-wide. */
  conversationId?: string | undefined;
  /** What the banner is about (an error code, a notice's key): a newer one of the same kind replaces it. */
  kind?: string | undefined;
}

/** Where a banner belongs and what it is about (see {@link Banner}). */
export interface BannerScope {
  conversationId?: string | undefined;
  kind?: string | undefined;
}

/** The draft of a conversation not created yet (typing before the first message makes one). */
export const NEW_CONVERSATION_DRAFT = '';

/** Why the composer did not send, said under it; `conversationId` is where it was refused. */
export interface ComposerRefusal extends ShownMessage {
  conversationId: string | null;
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
  /** Every keyboard shortcut (Ctrl/Cmd+/). */
  | { kind: 'shortcuts' }
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
  /** Bumped to move keyboard focus to the conversation search box (Ctrl/Cmd+K). */
  searchFocusRequest: number;
  /**
   * A message a search result pointed at: the message list scrolls to it once, and it stays
   * highlighted until its highlight animation ends. A new object each time, so choosing the same
   * result again scrolls again.
   */
  revealedMessage: { id: string } | null;
  /** Short status text for screen readers (aria-live). */
  announcement: string;

  setReady: () => void;
  setConnected: (connected: boolean) => void;
  showBanner: (level: BannerLevel, message: string | ShownMessage, scope?: BannerScope) => void;
  dismissBanner: (id: number) => void;
  /** Removes the banners of `kind` (in `conversationId` only, when given): what they said is resolved. */
  clearBanners: (kind: string, conversationId?: string) => void;
  /** Unsent text per conversation (key: its id, or NEW_CONVERSATION_DRAFT), so a draft never follows into another. */
  drafts: Record<string, string>;
  setDraft: (key: string, text: string) => void;
  composerRefusal: ComposerRefusal | null;
  setComposerRefusal: (refusal: ComposerRefusal | null) => void;
  openDialog: (dialog: Exclude<OpenDialog, null>) => void;
  closeDialog: () => void;
  setSidebarOpen: (open: boolean) => void;
  focusComposer: () => void;
  focusSearch: () => void;
  revealMessage: (messageId: string) => void;
  /** The highlight of `messageId` ended (a later reveal of another message stays). */
  endReveal: (messageId: string) => void;
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
  searchFocusRequest: 0,
  revealedMessage: null,
  announcement: '',
  drafts: {},
  composerRefusal: null,

  setReady: () => set({ ready: true }),
  setConnected: (connected) => set({ connected }),

  showBanner: (level, said, scope = {}) =>
    set((state) => {
      const shown: ShownMessage =
        typeof said === 'string' ? { message: said } : { message: said.message, text: said.text };
      const banner: Banner = { id: nextBannerId++, level, ...shown, ...scope };
      // The same message again (a retried call, a repeated notice) moves to the top instead of piling
      // up, and a newer banner of the same kind in the same place replaces the older one.
      const others = state.banners.filter(
        (old) =>
          !(old.conversationId === banner.conversationId && old.message === banner.message) &&
          !(banner.kind !== undefined && old.kind === banner.kind && old.conversationId === banner.conversationId),
      );
      return { banners: [banner, ...others].slice(0, MAX_BANNERS) };
    }),

  dismissBanner: (id) => set((state) => ({ banners: state.banners.filter((banner) => banner.id !== id) })),

  clearBanners: (kind, conversationId) =>
    set((state) => {
      const kept = state.banners.filter(
        (banner) => banner.kind !== kind || (conversationId !== undefined && banner.conversationId !== conversationId),
      );
      return kept.length === state.banners.length ? {} : { banners: kept };
    }),

  setDraft: (key, text) =>
    set((state) => {
      if ((state.drafts[key] ?? '') === text) return {};
      const drafts = { ...state.drafts };
      if (text === '') delete drafts[key];
      else drafts[key] = text;
      return { drafts };
    }),

  setComposerRefusal: (composerRefusal) => set({ composerRefusal }),

  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setSidebarOpen: (sidebarOpen) => set({ sidebarOpen }),
  focusComposer: () => set((state) => ({ composerFocusRequest: state.composerFocusRequest + 1 })),
  focusSearch: () => set((state) => ({ searchFocusRequest: state.searchFocusRequest + 1 })),
  revealMessage: (id) => set({ revealedMessage: { id } }),
  endReveal: (messageId) => set((state) => (state.revealedMessage?.id === messageId ? { revealedMessage: null } : {})),
  announce: (announcement) => set({ announcement }),
});
