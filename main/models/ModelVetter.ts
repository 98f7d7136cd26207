import { createHash } from 'node:crypto';
import { constants, open, stat } from 'node:fs/promises';
import { AppError, type ModelFile, type ModelInspection, ModelInspectionSchema } from '../../contract/index.js';
import type { LocalizedText } from '../../contract/i18n/index.js';
import type { ModelCheckRecord } from '../storage/ModelCheckStore.js';
import { readStoredError, storedError } from './storedError.js';
import { screenModelFile } from './screen/screenModelFile.js';

/** A refusal's reason in English, and as a catalog key when it has one (shown in the UI's language). */
export type Verdict = { ok: true; inspection: ModelInspection } | { ok: false; reason: string; text?: LocalizedText };

export interface ModelVetterOptions {
  store: {
    get(path: string): ModelCheckRecord | null;
    put(record: ModelCheckRecord): void;
  };
  /** The throwaway-process stages (see trialLoad): the inspection, or `model_invalid` with the reason. */
  trial: (path: string, fileSize: number) => Promise<ModelInspection>;
  /** Names the screen and engine that judged; a verdict from another checker is redone. */
  checker: string;
  /** A verdict arrived for a file that was listed as being checked. */
  onVerdict: () => void;
  now?: () => number;
}

/** Bytes hashed at each end of a file: enough to tell a replaced file from the one judged. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Decides, once per version of a file, whether the chat engine may ever see it: Hearth's own
 * header screen first, then the trial stages in a throwaway process. Whatever put the file there
 * (an import, a download, a link, a copy by hand), nothing loads it in the chat engine without a
 * passing verdict. Verdicts are kept in SQLite keyed by path, size, modification time and a hash
 * of the file's two ends, so a restart does not redo them; files are checked one at a time.
 */
export class ModelVetter {
  readonly #o: ModelVetterOptions;
  readonly #memory = new Map<string, { stamp: string; verdict: Verdict }>();
  readonly #running = new Map<string, Promise<Verdict>>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: ModelVetterOptions) {
    this.#o = options;
  }

  /** The inspection of a file that passed; otherwise throws `model_invalid` with the reason. */
  async require(path: string): Promise<ModelInspection> {
    const verdict = await this.vet(path);
    if (!verdict.ok) throw new AppError('model_invalid', verdict.reason, verdict.text);
    return verdict.inspection;
  }

  /** The file's verdict, checking it now when it has none. */
  async vet(path: string): Promise<Verdict> {
    const known = await this.known(path);
    if (known) return known;
    let running = this.#running.get(path);
    if (!running) {
      running = this.#check(path).finally(() => this.#running.delete(path));
      this.#running.set(path, running);
    }
    return running;
  }

  /** The verdict already reached for this version of the file, without checking anything. */
  async known(path: string): Promise<Verdict | undefined> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return undefined;
    const stamp = stampOf(info);
    const remembered = this.#memory.get(path);
    if (remembered?.stamp === stamp) return remembered.verdict;
    const record = this.#o.store.get(path);
    if (
      !record ||
      record.checker !== this.#o.checker ||
      record.sizeBytes !== info.size ||
      record.mtimeMs !== info.mtimeMs
    ) {
      return undefined;
    }
    if (record.sampleSha256 !== (await sampleHash(path, info.size))) return undefined;
    const verdict = verdictOf(record);
    if (verdict) this.#memory.set(path, { stamp, verdict });
    return verdict;
  }

  /** Gives a copy (same bytes, new path) the verdict of the file it was copied from. */
  async adopt(from: string, to: string): Promise<void> {
    const verdict = await this.known(from);
    if (verdict) await this.#record(to, verdict);
  }

  /**
   * Marks each listed file ready, broken (with the reason) or still being checked; files without
   * a verdict are checked in the background, and `onVerdict` says when one arrives.
   */
  async annotate(files: ModelFile[], pathOf: (modelId: string) => Promise<string>): Promise<ModelFile[]> {
    const annotated: ModelFile[] = [];
    for (const file of files) {
      if (file.check === 'broken') {
        annotated.push(file);
        continue;
      }
      const path = await pathOf(file.id).catch(() => null);
      const verdict = path ? await this.known(path) : undefined;
      if (verdict) {
        annotated.push(
          verdict.ok
            ? { ...file, check: 'ready', problem: null }
            : verdict.text
              ? { ...file, check: 'broken', problem: verdict.reason, problemText: verdict.text }
              : { ...file, check: 'broken', problem: verdict.reason },
        );
      } else {
        annotated.push({ ...file, check: 'checking', problem: null });
        if (path && !this.#running.has(path)) void this.vet(path).then(this.#o.onVerdict, () => undefined);
      }
    }
    return annotated;
  }

  async #check(path: string): Promise<Verdict> {
    const before = await stat(path).catch(() => null);
    let verdict: Verdict;
    try {
      const { fileSize } = await screenModelFile(path);
      // One trial process at a time: each maps the whole file and starts llama.cpp.
      const trial = this.#queue.then(() => this.#o.trial(path, fileSize));
      this.#queue = trial.catch(() => undefined);
      verdict = { ok: true, inspection: await trial };
    } catch (error) {
      // Only a judgement on the file is remembered; a missing file or an engine that cannot start is not.
      if (!(error instanceof AppError) || error.code !== 'model_invalid') throw error;
      verdict = error.text
        ? { ok: false, reason: error.message, text: error.text }
        : { ok: false, reason: error.message };
    }
    const after = await stat(path).catch(() => null);
    // A file that changed while it was checked is judged again next time.
    if (before && after && stampOf(before) === stampOf(after)) await this.#record(path, verdict);
    return verdict;
  }

  async #record(path: string, verdict: Verdict): Promise<void> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return;
    this.#o.store.put({
      path,
      sizeBytes: info.size,
      mtimeMs: info.mtimeMs,
      sampleSha256: await sampleHash(path, info.size),
      checker: this.#o.checker,
      ok: verdict.ok,
      reason: verdict.ok ? null : storedError(new AppError('model_invalid', verdict.reason, verdict.text)),
      inspection: verdict.ok ? JSON.stringify(verdict.inspection) : null,
      checkedAt: (this.#o.now ?? Date.now)(),
    });
    this.#memory.set(path, { stamp: stampOf(info), verdict });
  }
}

function stampOf(info: { dev: number; ino: number; size: number; mtimeMs: number }): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
}

/** A stored verdict, its inspection re-validated (the database is not trusted blindly). */
function verdictOf(record: ModelCheckRecord): Verdict | undefined {
  if (!record.ok) {
    const { error, errorText } = readStoredError(record.reason);
    const reason = error ?? 'This file was refused by an earlier check.';
    return errorText ? { ok: false, reason, text: errorText } : { ok: false, reason };
  }
  try {
    const inspection = ModelInspectionSchema.safeParse(JSON.parse(record.inspection ?? 'null'));
    return inspection.success ? { ok: true, inspection: inspection.data } : undefined;
  } catch {
    return undefined;
  }
}

/** sha256 of the size and the first and last 64 KiB: cheap for any size, and a replaced file differs. */
async function sampleHash(path: string, size: number): Promise<string> {
  const hash = createHash('sha256').update(`size=${size}\0`);
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const head = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    hash.update(head);
    const tailStart = Math.max(head.length, size - SAMPLE_BYTES);
    const tail = Buffer.alloc(size - tailStart);
    await handle.read(tail, 0, tail.length, tailStart);
    hash.update(tail);
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
