import { execFile } from 'node:child_process';

/** Long enough for a cold sysctl binary, short enough that a hung one cannot stall start-up. */
const TIMEOUT_MS = 2000;

function sysctl(name: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('sysctl', ['-n', name], { timeout: TIMEOUT_MS, encoding: 'utf8' }, (error, stdout) => {
      resolve(error === null ? stdout.trim() : null);
    });
  });
}

/**
 * macOS sysctl values by name; a name the kernel does not know is left out. One process per
 * name: `sysctl -n a b` stops being parseable once one of the names is unknown.
 */
export async function readSysctl(names: readonly string[]): Promise<Map<string, string>> {
  const values = await Promise.all(names.map(async (name) => [name, await sysctl(name)] as const));
  return new Map(values.flatMap(([name, value]) => (value === null || value === '' ? [] : [[name, value]])));
}
