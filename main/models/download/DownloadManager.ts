import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError, type Download } from '../../../contract/index.js';
import type { DownloadRecord, LibraryStore, NewDownload } from '../../storage/LibraryStore.js';
import { placeModelFile } from '../placeModelFile.js';
import { ensureFreeSpace, verifyDownloadedFile } from './checkFile.js';
import { PermanentDownloadError, preflight } from './preflight.js';
import { fileNameOf, resolveModelUrl } from './resolveUri.js';
import { runDownloadWorker, type WorkerRun } from './worker/runDownloadWorker.js';
import { describeWriteError, writeErrorCode } from './writeErrors.js';
import type { EngineLauncher } from '../../engine/transport/EngineTransport.js';
import { abortableDelay } from './abortableDelay.js';
import { readStoredError, storedError } from '../storedError.js';

export interface DownloadManagerOptions {
  store: LibraryStore;
  /** Starts the download worker process (fork under Node, utilityProcess in Electron). */
  launcher: EngineLauncher;
  /** The models folder (read each time: the user may choose another). */
  modelsDir: () => string;
  /** Called with every change of a download, progress included (throttled). */
  onChange: (download: Download) => void;
  /** A verified file was moved into the library. */
  onModelAdded: (modelId: string) => void;
  /** Whole-download attempts for failures that may pass (network, server errors, stalls). */
  attempts?: number;
  retryDelayMs?: number;
  /** No byte received for this long ends the attempt (and a retry starts). */
  stallMs?: number;
  /** Free space kept on the disk beyond the file itself. */
  freeSpaceMarginBytes?: number;
  progressIntervalMs?: number;
}

interface Active {
  controller: AbortController;
  /** Why it was stopped from here: the user paused or cancelled it, or the app is closing. */
  stopReason: 'pause' | 'cancel' | 'close' | 'stall' | null;
  worker: WorkerRun | null;
  startedAt: number;
  startBytes: number;
  bytesPerSecond: number;
  done: Promise<void>;
}

/** Staging folders are hidden, so the library (which skips dot entries) never lists a part file. */
const STAGING = '.downloads';

/**
 * Model downloads with node-llama-cpp's own downloader (ipull underneath: parallel ranges, and a
 * `.ipull` part file that records which ranges arrived, so a stopped download resumes).
 *
 * Each download runs: preflight (clear answer and size) → free-space check → download into
 * `<models>/.downloads/<id>/` → verify size and sha256 → move into the models folder, never over a
 * file there (placeModelFile), atomic because the staging folder is on the same disk. Rows in SQLite carry the state across
 * restarts: a download that was running when the app stopped resumes at the next start.
 */
export class DownloadManager {
  readonly #options: Required<
    Omit<DownloadManagerOptions, 'store' | 'launcher' | 'modelsDir' | 'onChange' | 'onModelAdded'>
  > &
    DownloadManagerOptions;
  readonly #active = new Map<string, Active>();
  #closed = false;

  constructor(options: DownloadManagerOptions) {
    this.#options = {
      attempts: 3,
      retryDelayMs: 2000,
      stallMs: 60_000,
      freeSpaceMarginBytes: 256 * 1024 ** 2,
      progressIntervalMs: 250,
      ...options,
    };
  }

  list(): Download[] {
    return this.#options.store.list().map((record) => this.#view(record));
  }

  /** Starts a download; resolves once it is recorded (it continues in the background). */
  async start(request: Omit<NewDownload, 'id' | 'fileName'> & { fileName?: string }): Promise<Download> {
    resolveModelUrl(request.uri); // a URI that cannot be downloaded is refused before it is recorded
    const fileName = request.fileName ?? fileNameOf(request.uri);
    const running = this.#options.store
      .list()
      .find((d) => d.uri === request.uri && d.state !== 'failed' && d.state !== 'complete');
    if (running) throw AppError.localized('busy', 'errorAlreadyDownloading', { file: fileName }, 'library');
    const record = this.#options.store.add({ ...request, id: randomUUID(), fileName });
    this.#emit(record);
    this.#run(record.id);
    return this.#view(record);
  }

  pause(id: string): Promise<Download> {
    return this.#stop(id, 'pause');
  }

  async resume(id: string): Promise<Download> {
    const record = this.#require(id);
    if (record.state === 'complete') throw AppError.localized('invalid_input', 'errorDownloadComplete', {}, 'library');
    if (!this.#active.has(id)) {
      this.#save(id, { state: 'queued', error: null, attempts: 0 });
      this.#run(id);
    }
    return this.#view(this.#require(id));
  }

  /** Stops a download and deletes its partial file; a complete one is only removed from the list. */
  async cancel(id: string): Promise<void> {
    const record = this.#require(id);
    if (this.#active.has(id)) await this.#stop(id, 'cancel');
    if (record.state !== 'complete') await rm(this.#stagingDir(id), { recursive: true, force: true });
    this.#options.store.remove(id);
  }

  /** At start: continues what was downloading when the app last stopped (paused ones stay paused). */
  resumeInterrupted(): void {
    for (const record of this.#options.store.list()) {
      if (record.state === 'downloading' || record.state === 'queued' || record.state === 'verifying') {
        this.#run(record.id);
      }
    }
  }

  /** Stops every running download, keeping its partial file and its 'downloading' row for the next start. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#active.keys()].map((id) => this.#stop(id, 'close')));
  }

  /** Resolves when the download stops running (complete, failed, paused); for tests and the shutdown path. */
  async settled(id: string): Promise<Download> {
    await this.#active.get(id)?.done;
    return this.#view(this.#require(id));
  }

  async #stop(id: string, reason: NonNullable<Active['stopReason']>): Promise<Download> {
    const active = this.#active.get(id);
    if (active) {
      active.stopReason = reason;
      active.controller.abort();
      await active.worker?.stop();
      await active.done;
    } else if (reason === 'pause') {
      const record = this.#require(id);
      if (record.state === 'queued' || record.state === 'downloading') this.#save(id, { state: 'paused' });
    }
    return this.#view(this.#require(id));
  }

  #run(id: string): void {
    if (this.#closed || this.#active.has(id)) return;
    const active: Active = {
      controller: new AbortController(),
      stopReason: null,
      worker: null,
      startedAt: Date.now(),
      startBytes: 0,
      bytesPerSecond: 0,
      done: Promise.resolve(),
    };
    this.#active.set(id, active);
    active.done = this.#attempts(id, active).finally(() => {
      this.#active.delete(id);
      const record = this.#options.store.get(id);
      if (record) this.#emit(record);
    });
  }

  async #attempts(id: string, active: Active): Promise<void> {
    for (;;) {
      const record = this.#require(id);
      this.#save(id, { state: 'downloading', attempts: record.attempts + 1 });
      try {
        await this.#attempt(this.#require(id), active);
        return;
      } catch (error) {
        const stopped = active.stopReason;
        if (stopped === 'pause') return void this.#save(id, { state: 'paused', error: null });
        if (stopped === 'close' || stopped === 'cancel') return;
        const failure = describeFailure(error, stopped === 'stall' ? this.#options.stallMs : null);
        const attempts = this.#require(id).attempts;
        if (!isRetryable(error, stopped) || attempts >= this.#options.attempts) {
          return void this.#save(id, { state: 'failed', error: storedError(failure) });
        }
        // The UI says "Retrying:" and the attempt itself; the English adds it for the API and logs.
        const retrying = new AppError(
          failure.code,
          `${failure.message} Trying again (attempt ${attempts + 1} of ${this.#options.attempts})…`,
          failure.text,
        );
        this.#save(id, { error: storedError(retrying) });
        active.stopReason = null;
        active.controller = new AbortController();
        // A pause or cancel during the wait aborts this controller and ends the wait at once.
        await abortableDelay(this.#options.retryDelayMs * 2 ** (attempts - 1), active.controller.signal);
        if (this.#closed) return;
      }
    }
  }

  async #attempt(record: DownloadRecord, active: Active): Promise<void> {
    const signal = active.controller.signal;
    const url = resolveModelUrl(record.uri);
    const { totalBytes } = await preflight(url, { signal });
    if (record.expectedBytes !== null && totalBytes !== record.expectedBytes) {
      throw PermanentDownloadError.of('errorSizeMismatch', {
        actual: totalBytes,
        expected: record.expectedBytes,
      });
    }
    this.#save(record.id, { totalBytes });

    const staging = this.#stagingDir(record.id);
    await mkdir(staging, { recursive: true });
    const partBytes = await stat(join(staging, `${record.fileName}.ipull`)).then(
      (info) => info.size,
      () => 0,
    );
    await ensureFreeSpace(staging, Math.max(0, totalBytes - partBytes), this.#options.freeSpaceMarginBytes);

    // node-llama-cpp's downloader runs in a worker process: whatever it throws ends that process only.
    let lastBytes = -1;
    let lastChange = Date.now();
    let received = 0;
    active.startedAt = Date.now();
    active.startBytes = -1;
    const worker = runDownloadWorker(
      this.#options.launcher,
      { uri: record.uri, dirPath: staging, fileName: record.fileName },
      (bytes) => {
        if (active.startBytes < 0) active.startBytes = bytes;
        received = bytes;
      },
    );
    active.worker = worker;
    if (signal.aborted) await worker.stop();
    const progress = setInterval(() => {
      const now = Date.now();
      if (received !== lastBytes) {
        lastBytes = received;
        lastChange = now;
        const seconds = (now - active.startedAt) / 1000;
        active.bytesPerSecond = seconds > 0.5 ? Math.max(0, received - Math.max(0, active.startBytes)) / seconds : 0;
        this.#save(record.id, { receivedBytes: received, error: null });
      } else if (now - lastChange > this.#options.stallMs && active.stopReason === null) {
        active.stopReason = 'stall';
        active.controller.abort();
        void worker.stop();
      }
    }, this.#options.progressIntervalMs);

    let downloadedPath: string;
    try {
      downloadedPath = await worker.done;
      if (signal.aborted) throw AppError.localized('aborted', 'errorDownloadStopped', {}, 'library');
    } finally {
      clearInterval(progress);
      active.bytesPerSecond = 0;
      active.worker = null;
    }

    this.#save(record.id, { state: 'verifying', receivedBytes: totalBytes });
    try {
      await verifyDownloadedFile(downloadedPath, { totalBytes, sha256: record.sha256 }, signal);
    } catch (error) {
      // A damaged file must not be resumed from: the next try starts from zero.
      await rm(staging, { recursive: true, force: true });
      throw error instanceof AppError
        ? new PermanentDownloadError(error.message, error.text)
        : new PermanentDownloadError((error as Error).message);
    }
    const modelId = await this.#moveIntoLibrary(downloadedPath, record.fileName);
    await rm(staging, { recursive: true, force: true });
    this.#save(record.id, { state: 'complete', modelId, error: null });
    this.#options.onModelAdded(modelId);
  }

  /** Renames the verified file into the models folder under a name no other model has. */
  async #moveIntoLibrary(path: string, fileName: string): Promise<string> {
    return basename(await placeModelFile(path, this.#options.modelsDir(), fileName));
  }

  #stagingDir(id: string): string {
    return join(this.#options.modelsDir(), STAGING, id);
  }

  #require(id: string): DownloadRecord {
    const record = this.#options.store.get(id);
    if (!record) throw AppError.localized('not_found', 'errorDownloadGone', {}, 'library');
    return record;
  }

  #save(id: string, patch: Parameters<LibraryStore['update']>[1]): void {
    const record = this.#options.store.update(id, patch);
    if (record) this.#emit(record);
  }

  #emit(record: DownloadRecord): void {
    this.#options.onChange(this.#view(record));
  }

  #view(record: DownloadRecord): Download {
    const active = this.#active.get(record.id);
    const speed = record.state === 'downloading' ? (active?.bytesPerSecond ?? 0) : 0;
    const left = record.totalBytes - record.receivedBytes;
    return {
      id: record.id,
      entryId: record.entryId,
      quantization: record.quantization,
      uri: record.uri,
      fileName: record.fileName,
      state: record.state,
      totalBytes: record.totalBytes,
      receivedBytes: Math.min(record.receivedBytes, record.totalBytes || record.receivedBytes),
      bytesPerSecond: speed,
      secondsLeft: speed > 0 && record.totalBytes > 0 ? Math.max(0, left) / speed : null,
      attempts: record.attempts,
      ...readStoredError(record.error),
      modelId: record.modelId,
      createdAt: record.createdAt,
    };
  }
}

function isRetryable(error: unknown, stopped: Active['stopReason']): boolean {
  if (stopped === 'stall') return true;
  if (error instanceof PermanentDownloadError) return false;
  if (writeErrorCode(error) !== null) return false;

  if (error instanceof AppError) return error.code !== 'storage_failed' && error.code !== 'invalid_input';
  return true;
}

/** Why an attempt failed, for the user: a catalog key where Hearth wrote the reason. */
function describeFailure(error: unknown, stalledAfterMs: number | null): AppError {
  if (stalledAfterMs !== null) {
    return AppError.localized('unsupported', 'errorStalled', { seconds: Math.round(stalledAfterMs / 1000) }, 'library');
  }
  // A worker's failure carries the file-system code (ENOSPC, …) it met, so it reads the same.
  const write = describeWriteError(error);
  if (write) return write;
  if (error instanceof AppError) return error;
  // node-llama-cpp's own words: English only.
  return new AppError('internal', error instanceof Error ? error.message : String(error));
}
