import { access, constants, mkdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, parse, relative, resolve } from 'node:path';
import { AppError } from '../../contract/index.js';

/** Folders of the operating system itself: neither they nor anything inside them holds models. */
function systemTrees(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    return [
      env.SystemRoot ?? 'C:\\Windows',
      env.ProgramFiles ?? 'C:\\Program Files',
      env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
    ];
  }
  const unix = [
    '/bin',
    '/boot',
    '/dev',
    '/etc',
    '/lib',
    '/lib32',
    '/lib64',
    '/libx32',
    '/proc',
    '/run',
    '/sbin',
    '/sys',
    '/usr',
  ];
  return platform === 'darwin' ? [...unix, '/System', '/Library', '/private/etc', '/private/var/run'] : unix;
}

const isWithin = (parent: string, path: string): boolean => {
  const inside = relative(parent, path);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
};

/** The path as the disk sees it: links in the part that exists already are followed. */
async function realLocation(path: string): Promise<string> {
  const missing: string[] = [];
  let existing = path;
  for (;;) {
    const real = await realpath(existing).catch(() => null);
    if (real !== null) return join(real, ...missing.reverse());
    const parent = dirname(existing);
    if (parent === existing) return path;
    missing.push(basename(existing));
    existing = parent;
  }
}

/**
 * Checks a folder asked for as the models folder, and creates it. Whoever asks (the renderer is
 * untrusted) must not get Hearth to treat a disk's root or a system folder as its own: refused
 * before anything is created. The folder must then be a directory Hearth can write to.
 */
export async function checkModelsFolder(
  dir: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (!isAbsolute(dir)) throw AppError.localized('invalid_input', 'errorFolderNotAbsolute', {}, 'library');
  const wanted = resolve(dir);
  const real = await realLocation(wanted);
  if (parse(wanted).root === wanted || parse(real).root === real) {
    throw AppError.localized('forbidden', 'errorFolderIsRoot', { dir: wanted }, 'library');
  }
  if (systemTrees(platform, env).some((tree) => isWithin(resolve(tree), real))) {
    throw AppError.localized('forbidden', 'errorFolderIsSystem', { dir: wanted }, 'library');
  }
  try {
    await mkdir(wanted, { recursive: true });
    if (!(await stat(wanted)).isDirectory()) throw new Error('it is not a folder');
    await access(wanted, constants.W_OK);
  } catch (error) {
    throw AppError.localized(
      'storage_failed',
      'errorFolderUnusable',
      { dir: wanted, reason: (error as Error).message },
      'library',
    );
  }
  return wanted;
}
