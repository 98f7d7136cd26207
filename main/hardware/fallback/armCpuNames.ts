/**
 * ARM CPUs name themselves by numbers (MIDR implementer and part, shown in /proc/cpuinfo); these
 * are the common ones, so a Raspberry Pi or a Graviton reads as "ARM Cortex-A72" or
 * "ARM Neoverse-V1" rather than as hex.
 */
const IMPLEMENTERS: Readonly<Record<number, string>> = {
  0x41: 'ARM',
  0x42: 'Broadcom',
  0x43: 'Cavium',
  0x48: 'HiSilicon',
  0x4e: 'NVIDIA',
  0x51: 'Qualcomm',
  0x61: 'Apple',
  0x6d: 'Microsoft',
  0xc0: 'Ampere',
};

/** Parts designed by ARM itself (implementer 0x41). */
const ARM_PARTS: Readonly<Record<number, string>> = {
  0xd03: 'Cortex-A53',
  0xd04: 'Cortex-A35',
  0xd05: 'Cortex-A55',
  0xd07: 'Cortex-A57',
  0xd08: 'Cortex-A72',
  0xd09: 'Cortex-A73',
  0xd0a: 'Cortex-A75',
  0xd0b: 'Cortex-A76',
  0xd0c: 'Neoverse-N1',
  0xd0d: 'Cortex-A77',
  0xd40: 'Neoverse-V1',
  0xd41: 'Cortex-A78',
  0xd44: 'Cortex-X1',
  0xd46: 'Cortex-A510',
  0xd47: 'Cortex-A710',
  0xd48: 'Cortex-X2',
  0xd49: 'Neoverse-N2',
  0xd4f: 'Neoverse-V2',
  0xd80: 'Cortex-A520',
  0xd81: 'Cortex-A720',
  0xd82: 'Cortex-X4',
};

export function armImplementerName(implementer: number): string {
  return IMPLEMENTERS[implementer] ?? `0x${implementer.toString(16)}`;
}

export function armPartName(implementer: number, part: number): string | null {
  return implementer === 0x41 ? (ARM_PARTS[part] ?? null) : null;
}
