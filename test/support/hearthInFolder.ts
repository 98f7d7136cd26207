import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHearth, type Hearth, type HearthOptions } from '../../main/app/createHearth.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';

/** The data paths Hearth uses inside one folder (database and models beside each other). */
export function dataPathsIn(dataDir: string): HearthOptions['paths'] {
  return { dataDir, modelsDir: join(dataDir, 'models'), databasePath: join(dataDir, 'hearth.sqlite') };
}

/**
 * A real Hearth on a folder, as the web host builds it (engine forked on demand, CPU only). No
 * node:test import: child processes, the torture runner and the benchmarks use it too.
 */
export function hearthInFolder(dataDir: string, options: Partial<HearthOptions> = {}): Hearth {
  const paths = options.paths ?? dataPathsIn(dataDir);
  mkdirSync(paths.modelsDir, { recursive: true });
  return createHearth({ host: 'web', launcher: forkLauncher, gpu: false, ...options, paths });
}
