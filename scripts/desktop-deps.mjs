// better-sqlite3 is a native module built for one runtime at a time: Node (tests, web host) or
// Electron (desktop app). This switches it to the runtime about to start, only when needed.
//   node scripts/desktop-deps.mjs node       rebuild for Node if the current build does not load
//   node scripts/desktop-deps.mjs electron   rebuild for Electron (electron-builder install-app-deps)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.hearth-native-runtime');
const target = process.argv[2];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function loadsInNode() {
  try {
    const Database = createRequire(import.meta.url)('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

const current = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : 'node';
if (target === 'node') {
  if (current !== 'node' || !loadsInNode()) {
    console.log('Rebuilding better-sqlite3 for Node…');
    run(npm, ['rebuild', 'better-sqlite3']);
    writeFileSync(stamp, 'node\n');
  }
} else if (target === 'electron') {
  if (current !== 'electron') {
    console.log('Rebuilding native modules for Electron…');
    run(process.execPath, [join(root, 'node_modules', 'electron-builder', 'cli.js'), 'install-app-deps']);
    writeFileSync(stamp, 'electron\n');
  }
} else {
  console.error('usage: node scripts/desktop-deps.mjs node|electron');
  process.exit(2);
}
