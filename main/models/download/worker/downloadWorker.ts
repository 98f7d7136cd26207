/**
 * Entry point of the download worker: one process per download attempt, started by main's
 * DownloadManager through the same launchers as the engine (fork under Node, utilityProcess in
 * Electron). It runs node-llama-cpp's downloader into the staging folder and reports progress.
 * Any failure — including the downloader's unhandled write errors — is reported, then the
 * process ends; main decides whether to retry.
 */
import {
  DownloadWorkerCommandSchema,
  type DownloadWorkerCommand,
  type DownloadWorkerReport,
} from '../../../../contract/index.js';
import { connectToParent } from '../../../engine/process/parentChannel.js';

const PROGRESS_INTERVAL_MS = 200;

interface Downloader {
  download(options?: { signal?: AbortSignal }): Promise<string>;
  cancel(options: { deleteTempFile: boolean }): Promise<void>;
  readonly downloadedSize: number;
  readonly totalSize: number;
}

const channel = connectToParent();
const report = (frame: DownloadWorkerReport) => channel.send(frame);
let downloader: Downloader | null = null;
let stopping = false;

function fail(error: unknown): never {
  const code = findCode(error);
  report({ type: 'failed', message: error instanceof Error ? error.message : String(error), code });
  // Let the frame leave before the process ends.
  setTimeout(() => process.exit(1), 50);
  throw error;
}

function findCode(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

process.on('unhandledRejection', (error) => {
  if (!stopping) fail(error);
});
channel.onDisconnect(() => {
  void downloader?.cancel({ deleteTempFile: false }).finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000);
});

channel.onMessage((frame) => {
  const parsed = DownloadWorkerCommandSchema.safeParse(frame);
  if (!parsed.success) return fail(new Error(`Refused a malformed command: ${parsed.error.message}`));
  void handle(parsed.data).catch((error: unknown) => {
    if (stopping) return;
    try {
      fail(error);
    } catch {
      // Reported; the process is ending.
    }
  });
});

async function handle(command: DownloadWorkerCommand): Promise<void> {
  if (command.type === 'stop') {
    stopping = true;
    await downloader?.cancel({ deleteTempFile: false }).catch(() => undefined);
    report({ type: 'stopped' });
    setTimeout(() => process.exit(0), 50);
    return;
  }
  if (downloader) throw new Error('This worker already runs a download.');
  const { createModelDownloader } = await import('node-llama-cpp');
  downloader = await createModelDownloader({
    modelUri: command.uri,
    dirPath: command.dirPath,
    fileName: command.fileName,
    skipExisting: false,
    deleteTempFileOnCancel: false,
    showCliProgress: false,
  });
  const active = downloader;
  const timer = setInterval(
    () => report({ type: 'progress', downloadedBytes: active.downloadedSize, totalBytes: active.totalSize }),
    PROGRESS_INTERVAL_MS,
  );
  try {
    const path = await active.download();
    if (stopping) return;
    report({ type: 'progress', downloadedBytes: active.downloadedSize, totalBytes: active.totalSize });
    report({ type: 'done', path });
    setTimeout(() => process.exit(0), 50);
  } finally {
    clearInterval(timer);
  }
}
