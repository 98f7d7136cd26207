import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { defaultForgeCacheDir, ensureForgedModel, FORGED_ARCHS, forgedModelParameterCount } from './forgeModels.js';
import { isForgeSize } from './forgeSpec.js';
import { ensureMalformedModels } from './malformedModels.js';

const USAGE = `Usage: tsx test/forge/forgeModelsCli.ts [--size tiny|bench] [--seed N] [--out DIR]

Forges every test architecture into DIR (default: $HEARTH_FORGE_CACHE or <repo>/.cache/forged-models),
plus the malformed files when the size is tiny, and prints each path with its size in bytes.
Files already in DIR are reused.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'tiny' },
      seed: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const size = values.size;
  if (!isForgeSize(size)) throw new Error(`--size must be tiny or bench, got ${size}\n\n${USAGE}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  const cacheDir = values.out === undefined ? defaultForgeCacheDir() : resolve(values.out);

  for (const arch of FORGED_ARCHS) {
    const options = seed === undefined ? { size } : { size, seed };
    const path = await ensureForgedModel(arch, options, cacheDir);
    const { size: bytes } = await stat(path);
    const parameters = forgedModelParameterCount(arch, options);
    console.log(`${arch.padEnd(9)} ${path}  ${bytes} bytes  ${parameters} parameters`);
  }
  if (size === 'tiny') {
    const malformed = await ensureMalformedModels(cacheDir);
    for (const [kind, path] of Object.entries(malformed)) {
      const { size: bytes } = await stat(path);
      console.log(`${kind.padEnd(14)} ${path}  ${bytes} bytes`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
