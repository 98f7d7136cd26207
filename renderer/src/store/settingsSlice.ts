import type { AppInfo, Settings } from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

export interface SettingsSlice {
  settings: Settings | null;
  appInfo: AppInfo | null;

  setSettings: (settings: Settings) => void;
  setAppInfo: (appInfo: AppInfo) => void;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settings: null,
  appInfo: null,

  setSettings: (settings) => set({ settings }),
  setAppInfo: (appInfo) => set({ appInfo }),
});
