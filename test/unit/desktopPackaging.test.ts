/**
 * The desktop build's security settings, read the way electron-builder reads them (Electron
 * itself cannot start here): the fuses, what is left outside the integrity-checked app.asar, and
 * the window's webPreferences.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { windowPreferences } from '../../main/desktop/windowPreferences.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The YAML parser and glob matcher electron-builder itself uses, from its own dependencies.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = z
  .object({ load: z.custom<(text: string) => unknown>((value) => typeof value === 'function') })
  .passthrough()
  .parse(builderRequire('js-yaml'));
const { Minimatch } = z
  .object({
    Minimatch: z.custom<new (pattern: string, options: { dot: boolean }) => { match(path: string): boolean }>(
      (value) => typeof value === 'function',
    ),
  })
  .passthrough()
  .parse(builderRequire('minimatch'));

const ConfigSchema = z.object({
  asar: z.object({ smartUnpack: z.boolean() }).passthrough(),
  asarUnpack: z.array(z.string()),
  electronFuses: z.record(z.string(), z.boolean()),
});
const config = ConfigSchema.parse(yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')));
const unpackMatchers = config.asarUnpack.map((pattern) => new Minimatch(pattern, { dot: true }));
const unpacked = (path: string) => unpackMatchers.some((matcher) => matcher.match(path));

/** The packages the app ships: the production dependencies, followed as Node would resolve them. */
function productionPackageDirs(): string[] {
  const found = new Set<string>();
  const visit = (fromDir: string, name: string, optional: boolean) => {
    let dir = fromDir;
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) {
        if (found.has(candidate)) return;
        found.add(candidate);
        const pkg = z
          .object({
            dependencies: z.record(z.string(), z.string()).optional(),
            optionalDependencies: z.record(z.string(), z.string()).optional(),
          })
          .parse(JSON.parse(readFileSync(join(candidate, 'package.json'), 'utf8')));
        for (const dep of Object.keys(pkg.dependencies ?? {})) visit(candidate, dep, false);
        for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(candidate, dep, true);
        return;
      }
      const parent = dirname(dir);
      if (parent === dir || relative(root, parent).startsWith('..')) break;
      dir = parent;
    }
    // An optional dependency for another platform (another CPU, another OS) is not installed.
    assert.ok(optional, `${name} (needed by ${relative(root, fromDir) || 'the app'}) is installed`);
  };
  const app = z
    .object({ dependencies: z.record(z.string(), z.string()) })
    .passthrough()
    .parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  for (const dep of Object.keys(app.dependencies)) visit(root, dep, false);
  return [...found];
}

/** Every file of a package, as a path from the app's root (its own nested packages excluded). */
function packageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return packageFiles(path);
    return entry.isFile() ? [relative(root, path).split(sep).join('/')] : [];
  });
}

describe('desktop packaging and window security', () => {
  test('the fuses shut every door Electron leaves open by default', () => {
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // One V8 snapshot for every process is Electron's default and all Hearth needs.
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  test('only native code is left outside app.asar: no JavaScript escapes the integrity check', () => {
    // smartUnpack would unpack every package that holds a binary, whole.
    assert.equal(config.asar.smartUnpack, false);
    const files = productionPackageDirs().flatMap(packageFiles);
    assert.ok(files.length > 1000, `the production packages were found (${files.length} files)`);
    const unpackedFiles = files.filter(unpacked);
    const script = /\.(c|m)?(j|t)sx?$/i;
    assert.deepEqual(
      unpackedFiles.filter((path) => script.test(path)),
      [],
      'no script of a shipped package is unpacked',
    );

    // What must be unpacked is: every addon, and node-llama-cpp's prebuilt folder whole (it
    // loads the addon from the .asar.unpacked twin of bins/, the addon loads its libraries beside it).
    for (const path of files.filter((file) => file.endsWith('.node'))) assert.ok(unpacked(path), path);
    const llamaBins = files.filter((path) => /^node_modules\/@node-llama-cpp\/[^/]+\/bins\//.test(path));
    assert.ok(
      llamaBins.some((path) => path.endsWith('llama-addon.node')),
      'a prebuilt llama.cpp addon is installed',
    );
    for (const path of llamaBins) assert.ok(unpacked(path), path);
    assert.ok(unpacked('native/build/Release/hearth_native.node'), "Hearth's own addon");
    // sqlite-vec's loadable library (loadSqliteVec maps its app.asar path to app.asar.unpacked).
    const vecLibraries = files.filter((path) => /^node_modules\/sqlite-vec-[^/]+\/vec0\.(so|dylib|dll)$/.test(path));
    assert.ok(vecLibraries.length > 0, "sqlite-vec's library for this platform is shipped");
    for (const path of [
      ...vecLibraries,
      'node_modules/sqlite-vec-darwin-arm64/vec0.dylib',
      'node_modules/sqlite-vec-windows-x64/vec0.dll',
    ]) {
      assert.ok(unpacked(path), path);
    }
    for (const path of [
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'x/libggml.so.1',
      'x/ggml.dll',
    ]) {
      assert.ok(unpacked(path), path);
    }
  });

  test('the window runs sandboxed and isolated, with no spellchecker downloading dictionaries', () => {
    const preferences = windowPreferences('/app/preload.cjs');
    assert.equal(preferences.preload, '/app/preload.cjs');
    assert.equal(preferences.contextIsolation, true);
    assert.equal(preferences.sandbox, true);
    assert.equal(preferences.nodeIntegration, false);
    assert.equal(preferences.nodeIntegrationInWorker, false);
    assert.equal(preferences.nodeIntegrationInSubFrames, false);
    assert.equal(preferences.webSecurity, true);
    assert.equal(preferences.allowRunningInsecureContent, false);
    assert.equal(preferences.webviewTag, false);
    assert.equal(preferences.spellcheck, false, 'Chromium would fetch Hunspell dictionaries from Google');
  });
});
