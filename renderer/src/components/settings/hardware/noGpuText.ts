import type { HardwareProfile } from '../../../../../contract/index.js';
import { t } from '../../../i18n/i18n.js';

/**
 * What Settings says when the profile lists no GPU: that none was found, or that none was looked
 * for and why. "CPU only is chosen" is said only when the user chose it; a run started with CPU
 * only says so, and Automatic on a machine without a GPU is simply "No GPU found".
 */
export function noGpuText(profile: Pick<HardwareProfile, 'gpusNotProbed'>): string {
  switch (profile.gpusNotProbed) {
    case 'settings':
      return t('gpusSkippedBySettings', { ns: 'settings' });
    case 'launch':
      return t('gpusSkippedAtLaunch', { ns: 'settings' });
    case undefined:
      return t('noGpuFound', { ns: 'settings' });
    default:
      return profile.gpusNotProbed satisfies never;
  }
}
