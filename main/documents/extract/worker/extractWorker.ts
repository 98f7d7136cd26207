/**
 * Entry point of the extraction worker: one process per file, started by main through the same
 * launchers as the engine (fork under Node, utilityProcess in Electron). PDF and Word parsers
 * read untrusted bytes here, never in main or a renderer: a parser that hangs, throws from a
 * callback or runs out of memory costs this process only. It extracts one file, reports, and ends.
 */
import { ExtractWorkerCommandSchema, type ExtractWorkerReport } from '../../../../contract/index.js';
import { connectToParent } from '../../../engine/process/parentChannel.js';
import { extractDocument } from '../extractDocument.js';
import { ExtractionError } from '../ExtractionError.js';

const channel = connectToParent();
const report = (frame: ExtractWorkerReport) => channel.send(frame);
let started = false;

function finish(frame: ExtractWorkerReport, exitCode: number): void {
  // Exit only once the frame has left: a whole book's text can take a while to write, and a
  // fixed delay lost it on a loaded machine (main then saw a bare "exit code 0").
  void channel.sendNow(frame).finally(() => process.exit(exitCode));
}

function fail(error: unknown): void {
  const value = (
    error instanceof ExtractionError
      ? error
      : ExtractionError.localized('failed', 'errorReaderFailed', {
          detail: (error instanceof Error ? error.message : String(error)).slice(0, 900),
        })
  ).toValue();
  finish({ type: 'failed', error: value }, 1);
}

// pdf.js can reject from inside its own callbacks; whatever escapes ends this file's extraction.
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);
channel.onDisconnect(() => process.exit(0));

channel.onMessage((frame) => {
  const parsed = ExtractWorkerCommandSchema.safeParse(frame);
  if (!parsed.success) return fail(new Error(`Refused a malformed command: ${parsed.error.message}`));
  if (started) return fail(new Error('This worker already extracts a file.'));
  started = true;
  extractDocument(parsed.data.path, (page, pageCount) =>
    report({ type: 'progress', page, pageCount, rssBytes: process.memoryUsage.rss() }),
  ).then((document) => finish({ type: 'done', document }, 0), fail);
});
