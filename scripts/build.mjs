// Builds everything the two hosts run into dist/:
//   dist/contract, dist/main   TypeScript compiled file by file (tsc), so paths stay as in the source tree
//   dist/main/storage/migrations/*.sql   copied beside the compiled migrator
//   dist/main/models/catalog/catalog.json  the model catalog, copied beside its loader
//   dist/main/desktop/preload.cjs        the sandboxed preload, bundled to one CommonJS file (esbuild)
//   dist/renderer                        the React app (Vite)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const step = (name) => console.log(`build: ${name}`);

rmSync(join(root, 'dist'), { recursive: true, force: true });

step('main and contract (tsc)');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

step('migrations');
mkdirSync(join(root, 'dist/main/storage/migrations'), { recursive: true });
cpSync(join(root, 'main/storage/migrations'), join(root, 'dist/main/storage/migrations'), { recursive: true });

step('model catalog');
cpSync(join(root, 'main/models/catalog/catalog.json'), join(root, 'dist/main/models/catalog/catalog.json'));

step('preload (esbuild)');
await build({
  entryPoints: [join(root, 'main/desktop/preload.ts')],
  outfile: join(root, 'dist/main/desktop/preload.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
});

step('renderer (vite)');
await viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
console.log('build: done');
