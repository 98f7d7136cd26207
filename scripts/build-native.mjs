// Builds Hearth's own addon (native/, node-gyp) into native/build/Release/hearth_native.node.
//   node scripts/build-native.mjs            npm's `install` step: a failed build is not an error
//   node scripts/build-native.mjs --strict   `npm run build:native`: a failed build fails, with the log
// Without a compiler the app still works: main/hardware falls back to its pure-TypeScript probe.
// So at install time a failure prints one line and exits 0 — `npm install` never fails over it.
// HEARTH_SKIP_NATIVE=1 skips the build (to try the fallback, or to install faster).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nativeDir = join(root, 'native');
const addon = join(nativeDir, 'build', 'Release', 'hearth_native.node');
const logFile = join(nativeDir, 'build', 'build-native.log');
const strict = process.argv.includes('--strict');
const FALLBACK = 'Hearth will use its pure-TypeScript hardware probe instead';

function giveUp(reason) {
  if (strict) {
    console.error(`hearth: native addon not built: ${reason}`);
    process.exit(1);
  }
  console.log(`hearth: native addon not built (${reason}); ${FALLBACK}.`);
  process.exit(0);
}

// node-gyp as npm itself would run it (npm names its bundled copy in npm_config_node_gyp), else
// the one in node_modules, else whatever is on PATH.
function nodeGyp() {
  const candidates = [process.env.npm_config_node_gyp];
  try {
    candidates.push(createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed locally
  }
  const script = candidates.find((path) => path && existsSync(path));
  return script ? [process.execPath, [script]] : ['node-gyp', []];
}

// The headers of the Node running this script, when its installation has them (Linux and macOS
// packages and tarballs do): node-gyp then needs no download. Node-API is ABI-stable, so the
// addon built against them loads in Electron too. An explicit npm nodedir setting wins.
function nodedirArgs() {
  if (process.env.npm_config_nodedir) return [];
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? [`--nodedir=${prefix}`] : [];
}

if (process.env.HEARTH_SKIP_NATIVE === '1') giveUp('HEARTH_SKIP_NATIVE=1');

const started = Date.now();
const [command, prefixArgs] = nodeGyp();
const result = spawnSync(command, [...prefixArgs, 'rebuild', '--jobs=max', ...nodedirArgs()], {
  cwd: nativeDir,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const log = `${result.stdout ?? ''}${result.stderr ?? ''}`;
if (result.error || result.status !== 0 || !existsSync(addon)) {
  mkdirSync(dirname(logFile), { recursive: true });
  writeFileSync(logFile, log);
  if (strict) process.stderr.write(log);
  const why = result.error
    ? `could not run node-gyp: ${result.error.message}`
    : `node-gyp failed, no C++ toolchain? log: ${relative(root, logFile)}`;
  giveUp(why);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`hearth: native addon built in ${seconds} s (${relative(root, addon)})`);
