import type { ShortcutKey } from '../../format/shortcutKeys.js';

/**
 * Every keyboard shortcut Hearth has, for the help dialog: the global ones (useGlobalShortcuts)
 * and those of the composer, the message editor, the conversation list and the search box. A
 * shortcut added to a handler belongs here too. `keys` alternatives (e.g. ↑ or ↓) are separate
 * combinations shown side by side.
 */
export interface ShortcutGroup {
  title:
    | 'shortcutsGeneral'
    | 'shortcutsComposer'
    | 'shortcutsEditor'
    | 'shortcutsList'
    | 'shortcutsSearch'
    | 'shortcutsDialogs';
  items: { combos: ShortcutKey[][]; action: ShortcutAction }[];
}

export type ShortcutAction =
  | 'shortcutNewChat'
  | 'shortcutSearch'
  | 'shortcutDocuments'
  | 'shortcutModels'
  | 'shortcutSettings'
  | 'shortcutHelp'
  | 'shortcutEscape'
  | 'shortcutSend'
  | 'shortcutNewLine'
  | 'shortcutSaveEdit'
  | 'shortcutCancelEdit'
  | 'shortcutRename'
  | 'shortcutDelete'
  | 'shortcutMoveResult'
  | 'shortcutOpenResult'
  | 'shortcutClearSearch'
  | 'shortcutCloseDialog'
  | 'shortcutSwitchTab'
  | 'shortcutMoveModel'
  | 'shortcutImportPaths';

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'shortcutsGeneral',
    items: [
      { combos: [['mod', 'N']], action: 'shortcutNewChat' },
      { combos: [['mod', 'K']], action: 'shortcutSearch' },
      { combos: [['mod', 'D']], action: 'shortcutDocuments' },
      { combos: [['mod', 'M']], action: 'shortcutModels' },
      { combos: [['mod', 'comma']], action: 'shortcutSettings' },
      { combos: [['mod', 'slash']], action: 'shortcutHelp' },
      { combos: [['esc']], action: 'shortcutEscape' },
    ],
  },
  {
    title: 'shortcutsComposer',
    items: [
      { combos: [['enter']], action: 'shortcutSend' },
      { combos: [['shift', 'enter']], action: 'shortcutNewLine' },
    ],
  },
  {
    title: 'shortcutsEditor',
    items: [
      { combos: [['enter'], ['mod', 'enter']], action: 'shortcutSaveEdit' },
      { combos: [['shift', 'enter']], action: 'shortcutNewLine' },
      { combos: [['esc']], action: 'shortcutCancelEdit' },
    ],
  },
  {
    title: 'shortcutsList',
    items: [
      { combos: [['f2']], action: 'shortcutRename' },
      { combos: [['delete']], action: 'shortcutDelete' },
    ],
  },
  {
    title: 'shortcutsSearch',
    items: [
      { combos: [['up'], ['down']], action: 'shortcutMoveResult' },
      { combos: [['enter']], action: 'shortcutOpenResult' },
      { combos: [['esc']], action: 'shortcutClearSearch' },
    ],
  },
  {
    title: 'shortcutsDialogs',
    items: [
      { combos: [['esc']], action: 'shortcutCloseDialog' },
      { combos: [['left'], ['right'], ['home'], ['end']], action: 'shortcutSwitchTab' },
      { combos: [['up'], ['down']], action: 'shortcutMoveModel' },
      { combos: [['mod', 'enter']], action: 'shortcutImportPaths' },
    ],
  },
];
