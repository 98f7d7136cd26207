/**
 * Windows' PROCESSOR_IDENTIFIER environment variable: "Intel64 Family 6 Model 154 Stepping 3,
 * GenuineIntel", "AMD64 Family 25 Model 80 Stepping 0, AuthenticAMD" (family and model already
 * include the extended fields), or "ARMv8 (64-bit) Family 8 Model D4B Revision 0, Qualcomm
 * Technologies Inc" (hex, and not comparable with x86 numbers: left out).
 */
export function parseProcessorIdentifier(
  text: string,
): { vendor: string | null; family: number | null; model: number | null } | null {
  const match = /^(\S+).*?\bFamily (\w+) Model (\w+)[^,]*(?:,\s*(.+))?$/.exec(text.trim());
  if (match === null) return null;
  const [, arch = '', family = '', model = '', vendor] = match;
  const x86 = /^(Intel64|AMD64|x86)$/i.test(arch);
  const decimal = (value: string) => (/^\d+$/.test(value) ? Number(value) : null);
  return {
    vendor: vendor?.trim() || null,
    family: x86 ? decimal(family) : null,
    model: x86 ? decimal(model) : null,
  };
}
