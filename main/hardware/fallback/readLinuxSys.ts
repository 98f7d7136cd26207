import { readFile, readdir, readlink, realpath } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AccelDevice } from './describeAccelerator.js';
import type { HybridCpuLists, SysCpu } from './countCoreTopology.js';

// Thin readers over /sys: every missing file is "no answer" (null or an empty list), never an error.
// `sysRoot` is "/sys" on a real machine and a recorded tree in tests.

async function readText(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return null;
  }
}

async function readInteger(path: string): Promise<number | null> {
  const text = await readText(path);
  if (text === null || !/^(0x[0-9a-f]+|\d+)$/i.test(text)) return null;
  return Number(text);
}

async function listDirectory(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch {
    return [];
  }
}

/** Names like "cpu3" or "accel0", in numeric order, with their numbers. */
function numbered(names: readonly string[], prefix: string): { name: string; index: number }[] {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  return names
    .flatMap((name) => {
      const match = pattern.exec(name);
      return match === null ? [] : [{ name, index: Number(match[1]) }];
    })
    .sort((a, b) => a.index - b.index);
}

/** Online CPUs with their package, die and core ids (offline CPUs have no topology directory). */
export async function readSysCpus(sysRoot: string): Promise<SysCpu[]> {
  const cpuDir = join(sysRoot, 'devices', 'system', 'cpu');
  const cpus = await Promise.all(
    numbered(await listDirectory(cpuDir), 'cpu').map(async ({ name, index }): Promise<SysCpu | null> => {
      const topology = join(cpuDir, name, 'topology');
      const [packageId, dieId, coreId] = await Promise.all([
        readInteger(join(topology, 'physical_package_id')),
        readInteger(join(topology, 'die_id')),
        readInteger(join(topology, 'core_id')),
      ]);
      if (packageId === null || coreId === null) return null;
      return { cpu: index, packageId, dieId: dieId ?? 0, coreId };
    }),
  );
  return cpus.filter((cpu) => cpu !== null);
}

/** Intel hybrid parts' per-kind CPU lists (Linux 5.13+); null when the kernel has none. */
export async function readHybridCpuLists(sysRoot: string): Promise<HybridCpuLists | null> {
  const [performance, efficiency] = await Promise.all([
    readText(join(sysRoot, 'devices', 'cpu_core', 'cpus')),
    readText(join(sysRoot, 'devices', 'cpu_atom', 'cpus')),
  ]);
  return performance === null || efficiency === null ? null : { performance, efficiency };
}

/** /sys/class/accel devices, one per physical device even when it has several accel nodes. */
export async function readAccelDevices(sysRoot: string): Promise<AccelDevice[]> {
  const accelDir = join(sysRoot, 'class', 'accel');
  const devices: AccelDevice[] = [];
  const seen = new Set<string>();
  for (const { name } of numbered(await listDirectory(accelDir), 'accel')) {
    const device = join(accelDir, name, 'device');
    const identity = await realpath(device).catch(() => device);
    if (seen.has(identity)) continue;
    seen.add(identity);
    const [driverLink, pciVendorId] = await Promise.all([
      readlink(join(device, 'driver')).catch(() => null),
      readInteger(join(device, 'vendor')),
    ]);
    devices.push({ entry: name, driver: driverLink === null ? null : basename(driverLink), pciVendorId });
  }
  return devices;
}
