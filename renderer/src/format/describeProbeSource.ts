import type { HardwareProfile, ProbeSource } from '../../../contract/index.js';

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
      return 'Hearth’s native probe';
    case 'fallback': {
      const from = FALLBACK_FROM[platform]?.[part];
      return from ? `fallback (${from})` : 'fallback';
    }
    case 'llama':
      return 'node-llama-cpp';
    case 'none':
      return 'not probed';
    default:
      return source satisfies never;
  }
}
