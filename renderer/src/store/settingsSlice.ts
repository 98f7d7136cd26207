import type { AppInfo, Settings, StateUsage } from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

export interface SettingsSlice {
  settings: Settings | null;
  appInfo: AppInfo | null;
  /** Space taken by saved conversation states; fetched while Settings shows it. */
  stateUsage: StateUsage | null;

  setSettings: (settings: Settings) => void;
  setAppInfo: (appInfo: AppInfo) => void;
  setStateUsage: (usage: StateUsage) => void;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settings: null,
  appInfo: null,
  stateUsage: null,

  setSettings: (settings) => set({ settings }),
  setAppInfo: (appInfo) => set({ appInfo }),
  setStateUsage: (stateUsage) => set({ stateUsage }),
});
