import type { Npu } from '../../../contract/index.js';

/** One /sys/class/accel entry, as read. */
export interface AccelDevice {
  /** "accel0" */
  entry: string;
  /** Basename of device/driver: intel_vpu, amdxdna, qaic… */
  driver: string | null;
  /** device/vendor (PCI vendor id); null for platform devices. */
  pciVendorId: number | null;
}

// Kept in step with native/src/npu_list.cc, so both sources name a device alike.
const PCI_VENDORS: ReadonlyMap<number, string> = new Map([
  [0x8086, 'Intel'],
  [0x1022, 'AMD'],
  [0x1002, 'AMD'],
  [0x17cb, 'Qualcomm'],
  [0x1da3, 'Habana Labs'],
]);

/** Drivers of the kernel's compute-accelerator subsystem (drivers/accel). A Map, not an object: a
 * driver name comes from the file system and must not reach Object.prototype ("constructor"). */
const DRIVERS: ReadonlyMap<string, { name: string; vendor: string }> = new Map([
  ['intel_vpu', { name: 'Intel NPU', vendor: 'Intel' }],
  ['amdxdna', { name: 'AMD XDNA NPU', vendor: 'AMD' }],
  ['qaic', { name: 'Qualcomm Cloud AI accelerator', vendor: 'Qualcomm' }],
  ['habanalabs', { name: 'Intel Gaudi accelerator', vendor: 'Habana Labs' }],
  ['rocket', { name: 'Rockchip NPU', vendor: 'Rockchip' }],
  ['ethosu', { name: 'Arm Ethos-U NPU', vendor: 'Arm' }],
]);

export function describeAccelerator(device: AccelDevice): Npu {
  const known = device.driver === null ? undefined : DRIVERS.get(device.driver);
  const vendor =
    (device.pciVendorId === null ? undefined : PCI_VENDORS.get(device.pciVendorId)) ?? known?.vendor ?? 'Unknown';
  const name = known?.name ?? `${vendor === 'Unknown' ? 'Accelerator' : `${vendor} accelerator`} (${device.entry})`;
  return { name, vendor, driver: device.driver };
}
