import { after, before } from 'node:test';
import { getLlama, type Llama, LlamaLogLevel, type LlamaModel } from 'node-llama-cpp';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defaultForgeCacheDir } from '../forge/forgeModels.js';

/**
 * Real tokenizers (vocab-only GGUF files) and real chat templates, from the llama.cpp source that
 * node-llama-cpp ships as a git bundle (see shared FORGE-NOTES). Extracted once into the test
 * cache with git alone; nothing is downloaded.
 */
export function realVocabsDir(): string {
  const dir = join(defaultForgeCacheDir(), 'real-vocabs');
  if (existsSync(join(dir, 'models', 'ggml-vocab-llama-bpe.gguf'))) return dir;
  // The package's entry is dist/index.js; the bundle sits in llama/ beside dist/.
  const entry = createRequire(import.meta.url).resolve('node-llama-cpp');
  const bundle = join(dirname(dirname(entry)), 'llama', 'gitRelease.bundle');
  const work = mkdtempSync(`${dir}.tmp-`);
  try {
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', work, ...args], { stdio: 'pipe', maxBuffer: 1 << 30 });
    git('init', '-q', 'repo');
    execFileSync('git', ['-C', join(work, 'repo'), 'fetch', '-q', bundle, 'HEAD'], { stdio: 'pipe' });
    const archive = execFileSync('git', ['-C', join(work, 'repo'), 'archive', 'FETCH_HEAD', 'models/'], {
      maxBuffer: 1 << 30,
    });
    mkdirSync(join(work, 'out'));
    execFileSync('tar', ['-x', '-C', join(work, 'out')], { input: archive, maxBuffer: 1 << 30 });
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(work, 'out'), dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}

export function realVocabPath(name: string): string {
  return join(realVocabsDir(), 'models', `ggml-vocab-${name}.gguf`);
}

export function realTemplatePath(name: string): string {
  return join(realVocabsDir(), 'models', 'templates', `${name}.jinja`);
}

/**
 * The vocab-only models `vocabs` loaded in the describe block that calls this (before its tests,
 * disposed after them), by name.
 */
export function useRealVocabModels(vocabs: Iterable<string>): Map<string, LlamaModel> {
  const models = new Map<string, LlamaModel>();
  let llama: Llama | null = null;
  before(async () => {
    llama = await getLlama({
      gpu: false,
      build: 'never',
      usePrebuiltBinaries: true,
      skipDownload: true,
      logLevel: LlamaLogLevel.error,
    });
    for (const vocab of new Set(vocabs)) {
      models.set(vocab, await llama.loadModel({ modelPath: realVocabPath(vocab), vocabOnly: true }));
    }
  });
  after(async () => {
    for (const model of models.values()) await model.dispose();
    await llama?.dispose();
  });
  return models;
}
