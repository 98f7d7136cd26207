import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Hearth';

/**
 * The folder Electron calls `userData` for this app, computed without Electron, so the web host
 * and the desktop app share one database and one models folder.
 */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export interface DataPaths {
  dataDir: string;
  modelsDir: string;
  databasePath: string;
}

/**
 * `--data-dir` / `HEARTH_DATA_DIR` move everything (tests, a second profile, the web host on a
 * server); `--models-dir` / `HEARTH_MODELS_DIR` move only the models, which are large.
 */
export function resolveDataPaths(
  argv: readonly string[] = process.argv,
  env = process.env,
  fallback = defaultDataDir(),
): DataPaths {
  const dataDir = flag(argv, '--data-dir') ?? env.HEARTH_DATA_DIR ?? fallback;
  const modelsDir = flag(argv, '--models-dir') ?? env.HEARTH_MODELS_DIR ?? join(dataDir, 'models');
  return { dataDir, modelsDir, databasePath: join(dataDir, 'hearth.sqlite') };
}

export function flag(argv: readonly string[], name: string): string | undefined {
  const index = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index < 0) return undefined;
  const arg = argv[index] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
}
