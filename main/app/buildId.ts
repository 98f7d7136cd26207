import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { appVersion, packageVersion } from './appVersion.js';

/**
 * The builds a hardware probe comes from: Hearth's (its native addon ships with it) and
 * node-llama-cpp's (its GPU backends); a stored profile from another build is probed again.
 */
export function buildId(): string {
  return `hearth ${appVersion()}; node-llama-cpp ${nodeLlamaCppVersion()}`;
}

function nodeLlamaCppVersion(): string {
  try {
    return (
      packageVersion(dirname(createRequire(import.meta.url).resolve('node-llama-cpp')), 'node-llama-cpp', 4) ??
      'unknown'
    );
  } catch {
    return 'unknown'; // not resolvable from here: the key still holds Hearth's version
  }
}
