import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Tools and documents from Debian packages that the document tests need. `.ci/run` installs them;
 * on a machine without them the tests fail and say what to install — they never pass silently.
 */
export function requireCommand(command: string, debianPackage: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!found) {
    throw new Error(`The document tests need \`${command}\`: apt-get install ${debianPackage} (.ci/run installs it).`);
  }
}

export function requireFile(path: string, debianPackage: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `The document tests read ${path}, a free document Debian ships: apt-get install ${debianPackage} (.ci/run installs it).`,
    );
  }
  return path;
}

/** Runs a command; throws with its output when it fails. */
export function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  // qpdf exits 3 for warnings with a usable result.
  if (result.status !== 0 && !(command === 'qpdf' && result.status === 3)) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}
