import { t } from '../i18n/i18n.js';

/** A key of a shortcut: `mod` is Cmd on macOS and Ctrl elsewhere, as the handlers accept both. */
export type ShortcutKey =
  | 'mod'
  | 'shift'
  | 'enter'
  | 'esc'
  | 'delete'
  | 'f2'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'slash'
  | 'comma'
  | Letter;
type Letter = 'N' | 'K' | 'D' | 'M';

type Navigatorish = { platform?: string; userAgent?: string };

/** macOS names its modifiers with symbols (⌘ ⇧) and writes them without "+". */
export function isMacPlatform(
  nav: Navigatorish | undefined = (globalThis as { navigator?: Navigatorish }).navigator,
): boolean {
  return /Mac|iPhone|iPad/.test(nav?.platform || nav?.userAgent || '');
}

function keyName(key: ShortcutKey, mac: boolean): string {
  switch (key) {
    case 'mod':
      return mac ? '⌘' : t('keyCtrl', { ns: 'layout' });
    case 'shift':
      return mac ? '⇧' : t('keyShift', { ns: 'layout' });
    case 'enter':
      return mac ? '↩' : t('keyEnter', { ns: 'layout' });
    case 'esc':
      return t('keyEsc', { ns: 'layout' });
    case 'delete':
      return mac ? '⌦' : t('keyDelete', { ns: 'layout' });
    case 'f2':
      return 'F2';
    case 'up':
      return '↑';
    case 'down':
      return '↓';
    case 'left':
      return '←';
    case 'right':
      return '→';
    case 'home':
      return t('keyHome', { ns: 'layout' });
    case 'end':
      return t('keyEnd', { ns: 'layout' });
    case 'slash':
      return '/';
    case 'comma':
      return ',';
    case 'N':
    case 'K':
    case 'D':
    case 'M':
      return key;
    default:
      return key satisfies never;
  }
}

/** The keys as they are written on this platform: ["Ctrl", "N"] here, ["⌘", "N"] on a Mac. */
export function shortcutKeyNames(keys: readonly ShortcutKey[], mac = isMacPlatform()): string[] {
  return keys.map((key) => keyName(key, mac));
}

/** One string for a tooltip: "Ctrl+N", or "⌘N" on a Mac. */
export function formatShortcut(keys: readonly ShortcutKey[], mac = isMacPlatform()): string {
  return shortcutKeyNames(keys, mac).join(mac ? '' : '+');
}
