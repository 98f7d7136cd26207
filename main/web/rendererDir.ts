import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built renderer (`dist/renderer`). A compiled host sits in `dist/main/<host>/`; run from the
 * TypeScript sources it sits in `main/<host>/`, and `../../renderer` would be the unbuilt source.
 */
export function rendererDir(): string {
  const fromSources = extname(fileURLToPath(import.meta.url)) === '.ts';
  const dir = fileURLToPath(new URL(fromSources ? '../../dist/renderer/' : '../../renderer/', import.meta.url));
  if (!existsSync(join(dir, 'index.html'))) throw new Error('The renderer is not built: run `npm run build` first.');
  return dir;
}
