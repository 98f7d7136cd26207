import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { appVersion } from './appVersion.js';

/**
 * The builds a hardware probe comes from: Hearth's (its native addon ships with it) and
 * node-llama-cpp's (its GPU backends); a stored profile from another build is probed again.
 */
export function buildId(): string {
  return `hearth ${appVersion()}; node-llama-cpp ${nodeLlamaCppVersion()}`;
}

function nodeLlamaCppVersion(): string {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve('node-llama-cpp'));
    for (let depth = 0; depth < 4; depth++) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'node-llama-cpp' && pkg.version) return pkg.version;
      }
      dir = dirname(dir);
    }
  } catch {
    // Not resolvable from here: the key still holds Hearth's version.
  }
  return 'unknown';
}
