import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { isRegularFile, writeFileAtomically } from './atomicWriteFile.js';
import type { ChatForgedArch, ForgedArch, ForgeOptions } from './forgeSpec.js';
import { buildForgeSpec, createForgeWriter, FORGE_VERSION, FORGED_ARCHS, resolveForgeOptions } from './forgeSpec.js';

export type { ChatForgedArch, ForgedArch, ForgeOptions, ForgeSize } from './forgeSpec.js';
export { FORGED_ARCHS, FORGE_VERSION } from './forgeSpec.js';

/** The bytes of a forged model. Pure: the same arguments always give a byte-identical file. */
export function forgeModelBuffer(arch: ForgedArch, options?: ForgeOptions): Buffer {
  return createForgeWriter(buildForgeSpec(arch, options)).toBuffer();
}

/** Number of weights in a forged model, for reports next to its file size. */
export function forgedModelParameterCount(arch: ForgedArch, options?: ForgeOptions): number {
  return createForgeWriter(buildForgeSpec(arch, options)).parameterCount();
}

/** Every option that changes the bytes is in the name, so a cache hit is always the right file. */
export function forgedModelFileName(arch: ForgedArch, options?: ForgeOptions): string {
  const { size, seed, contextLength } = resolveForgeOptions(options);
  return `hearth-forged-${arch}-${size}-seed${seed}-ctx${contextLength}-v${FORGE_VERSION}.gguf`;
}

/**
 * The nearest folder above this file that holds a package.json: the repository root whether this runs
 * from source through tsx or compiled into dist/.
 */
function repositoryRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let folder = here; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) return resolve(here, '..', '..');
  }
}

export function defaultForgeCacheDir(): string {
  // An empty variable counts as unset: `HEARTH_FORGE_CACHE= cmd` should not forge into the working folder.
  const fromEnvironment = process.env['HEARTH_FORGE_CACHE'];
  if (fromEnvironment !== undefined && fromEnvironment !== '') return resolve(fromEnvironment);
  return join(repositoryRoot(), '.cache', 'forged-models');
}

/** Forges the model into the cache unless it is already there; returns its absolute path. */
export async function ensureForgedModel(
  arch: ForgedArch,
  options?: ForgeOptions,
  cacheDir: string = defaultForgeCacheDir(),
): Promise<string> {
  const spec = buildForgeSpec(arch, options);
  const path = resolve(cacheDir, forgedModelFileName(arch, spec.options));
  if (await isRegularFile(path)) return path;
  // Streamed to disk: a bench model is ~400 MB and need not sit in memory.
  await writeFileAtomically(path, (tempPath) => createForgeWriter(spec).writeFile(tempPath));
  return path;
}

/** Every chat architecture, one after another (so bench models are never all in memory at once). */
export async function ensureForgedModels(
  options?: ForgeOptions,
  cacheDir: string = defaultForgeCacheDir(),
): Promise<Record<ChatForgedArch, string>> {
  const paths: Partial<Record<ChatForgedArch, string>> = {};
  for (const arch of FORGED_ARCHS) paths[arch] = await ensureForgedModel(arch, options, cacheDir);
  return paths as Record<ChatForgedArch, string>;
}
