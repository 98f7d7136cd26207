import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The app's version from its package.json, found by walking up from this file (sources or dist). */
export function appVersion(): string {
  return packageVersion(dirname(fileURLToPath(import.meta.url)), 'hearth') ?? '0.0.0';
}

/** The version in the nearest package.json named `name`, walking up from `dir`; null when none. */
export function packageVersion(dir: string, name: string, levels = 6): string | null {
  for (let depth = 0; depth < levels; depth++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  return null;
}
