import {
  ExtractWorkerReportSchema,
  describeIssues,
  type ExtractedDocument,
  type ExtractWorkerReport,
} from '../../../../contract/index.js';
import type { EngineLauncher } from '../../../engine/transport/EngineTransport.js';
import { ExtractionError } from '../ExtractionError.js';
import { EXTRACT_WORKER_ENTRY } from './extractWorkerEntry.js';

export interface ExtractProgress {
  page: number;
  pageCount: number;
  /** The worker's resident memory after that page. */
  rssBytes: number;
}

export interface ExtractOptions {
  onProgress?: (progress: ExtractProgress) => void;
  /** A file that takes longer is given up as `failed` (a parser stuck in a loop). */
  timeoutMs?: number;
  /**
   * The worker's JavaScript heap limit: a file that would need more fails in the worker (as
   * `failed`, "ran out of memory") instead of growing without bound.
   */
  maxOldSpaceMb?: number;
}

export interface ExtractionRun {
  /** Resolves with the document; rejects with an ExtractionError. */
  readonly done: Promise<ExtractedDocument>;
  /** Ends the worker; `done` rejects with `cancelled`. */
  cancel(): void;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_MAX_OLD_SPACE_MB = 2048;

/**
 * Extracts one file in its own process. Everything the worker says is validated (a dying parser
 * can leave garbage behind), and every way it can end — a report, a crash, a kill, a timeout —
 * settles `done` exactly once.
 */
export function runExtractWorker(launcher: EngineLauncher, path: string, options: ExtractOptions = {}): ExtractionRun {
  const transport = launcher({
    entry: EXTRACT_WORKER_ENTRY,
    serviceName: 'Hearth document reader',
    maxOldSpaceMb: options.maxOldSpaceMb ?? DEFAULT_MAX_OLD_SPACE_MB,
  });
  const output: string[] = [];
  let settled = false;
  let settle!: (error: ExtractionError | null, document?: ExtractedDocument) => void;

  const done = new Promise<ExtractedDocument>((resolve, reject) => {
    settle = (error, document) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        reject(error);
        transport.kill('SIGKILL');
      } else resolve(document!);
    };
  });
  done.catch(() => undefined); // the caller handles it; this keeps an early failure from being unhandled

  const timer = setTimeout(
    () => settle(ExtractionError.localized('failed', 'errorReaderTimeout')),
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  transport.onMessage((frame) => {
    const parsed = ExtractWorkerReportSchema.safeParse(frame);
    if (!parsed.success) {
      return settle(
        ExtractionError.localized('failed', 'errorReaderMalformed', { detail: describeIssues(parsed.error) }),
      );
    }
    const report: ExtractWorkerReport = parsed.data;
    if (report.type === 'progress') options.onProgress?.(report);
    else if (report.type === 'done') settle(null, report.document);
    else settle(new ExtractionError(report.error.code, report.error.message, report.error.text));
  });
  transport.onOutput((line) => {
    output.push(line);
    if (output.length > 20) output.shift();
  });
  transport.onExit(({ code, signal }) => {
    const outOfMemory = output.some((line) => /heap out of memory|Allocation failed/i.test(line));
    settle(
      outOfMemory
        ? ExtractionError.localized('failed', 'errorReaderOutOfMemory')
        : signal
          ? ExtractionError.localized('failed', 'errorReaderStoppedSignal', { signal })
          : ExtractionError.localized('failed', 'errorReaderStoppedCode', { code: String(code) }),
    );
  });

  transport.send({ type: 'extract', path });
  return {
    done,
    cancel: () => settle(ExtractionError.localized('cancelled', 'errorImportCancelled')),
  };
}
