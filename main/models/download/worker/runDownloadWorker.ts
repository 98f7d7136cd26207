import { DownloadWorkerReportSchema, type DownloadWorkerReport } from '../../../../contract/index.js';
import type { EngineLauncher } from '../../../engine/transport/EngineTransport.js';
import { DOWNLOAD_WORKER_ENTRY } from './downloadWorkerEntry.js';

/** A download attempt failed in the worker; `code` is the file-system error code, if any. */
export class WorkerDownloadError extends Error {
  readonly code: string | null;

  constructor(message: string, code: string | null) {
    super(message);
    this.name = 'WorkerDownloadError';
    this.code = code;
  }
}

export interface WorkerRun {
  /** The downloaded file's path; rejects with WorkerDownloadError, or with 'stopped' after stop(). */
  readonly done: Promise<string>;
  /** Asks the worker to stop and keep the partial file; kills it if it does not end soon. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 3000;

/** Runs one download attempt in its own process and reports its progress. */
export function runDownloadWorker(
  launcher: EngineLauncher,
  job: { uri: string; dirPath: string; fileName: string },
  onProgress: (downloadedBytes: number, totalBytes: number) => void,
): WorkerRun {
  const transport = launcher({ entry: DOWNLOAD_WORKER_ENTRY, serviceName: 'Hearth downloads' });
  const output: string[] = [];
  let settled = false;
  let exited!: () => void;
  const exit = new Promise<void>((resolve) => (exited = resolve));

  const done = new Promise<string>((resolve, reject) => {
    const finish = (error: Error | null, path?: string) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(path ?? '');
    };
    transport.onMessage((frame) => {
      const parsed = DownloadWorkerReportSchema.safeParse(frame);
      if (!parsed.success) return finish(new WorkerDownloadError('The download worker sent a malformed report.', null));
      const report: DownloadWorkerReport = parsed.data;
      if (report.type === 'progress') onProgress(report.downloadedBytes, report.totalBytes);
      else if (report.type === 'done') finish(null, report.path);
      else if (report.type === 'stopped') finish(new WorkerDownloadError('stopped', null));
      else finish(new WorkerDownloadError(report.message, report.code));
    });
    transport.onOutput((line) => {
      output.push(line);
      if (output.length > 20) output.shift();
    });
    transport.onExit(({ code, signal }) => {
      exited();
      finish(
        new WorkerDownloadError(
          `The download worker ended unexpectedly (${signal ?? `exit code ${code}`})${output.length ? `: ${output.at(-1)}` : ''}`,
          null,
        ),
      );
    });
  });
  done.catch(() => undefined); // the caller handles it; this keeps an early failure from being unhandled

  transport.send({ type: 'start', ...job });
  return {
    done,
    async stop() {
      if (settled) return;
      transport.send({ type: 'stop' });
      const timer = setTimeout(() => transport.kill('SIGKILL'), STOP_GRACE_MS);
      await exit;
      clearTimeout(timer);
    },
  };
}
