import type { HardwareProfile, ProbeSource } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';

export type ProbedPart = keyof HardwareProfile['sources'];

/** Where the TypeScript fallback reads each part, where that is worth naming. */
const FALLBACK_FROM: Partial<Record<string, Partial<Record<ProbedPart, string>>>> = {
  linux: { cpu: '/proc/cpuinfo', topology: '/sys', npus: '/sys' },
  darwin: { cpu: 'sysctl', topology: 'sysctl' },
};

/** Which part of Hearth answered, in words: "Hearth’s native probe", "fallback (/proc/cpuinfo)". */
export function describeProbeSource(part: ProbedPart, source: ProbeSource, platform: string): string {
  switch (source) {
    case 'addon':
      return t('sourceAddon', { ns: 'settings' });
    case 'fallback': {
      const from = FALLBACK_FROM[platform]?.[part];
      return from ? t('sourceFallbackFrom', { ns: 'settings', from }) : t('sourceFallback', { ns: 'settings' });
    }
    case 'llama':
      return t('sourceLlama', { ns: 'settings' });
    case 'none':
      return t('sourceNone', { ns: 'settings' });
    default:
      return source satisfies never;
  }
}
