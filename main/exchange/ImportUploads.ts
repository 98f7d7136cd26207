import { AppError, EXPORT_MAX_BYTES } from '../../contract/index.js';

interface Upload {
  parts: string[];
  bytes: number;
  touchedAt: number;
}

const MB = 1024 * 1024;
/** Uploads under way at once; a client that starts more is told to wait. */
const MAX_UPLOADS = 4;
/** An upload no part arrived for in this long was abandoned (a closed tab): its parts are dropped. */
const ABANDONED_MS = 5 * 60_000;

/**
 * The parts of import files on their way to main. One call must fit in a WebSocket frame, so a
 * large file arrives as numbered parts followed by the import call with the last one. Parts are
 * taken in order only, and the total is capped as they arrive, so memory held here never exceeds
 * a few files' limit.
 */
export class ImportUploads {
  readonly #uploads = new Map<string, Upload>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Adds part `index` (0, 1, …) of an upload; returns the bytes received so far. */
  append(uploadId: string, index: number, content: string): number {
    this.#dropAbandoned();
    let upload = this.#uploads.get(uploadId);
    if (!upload) {
      if (index !== 0) throw AppError.localized('invalid_input', 'errorUploadLost', undefined, 'exchange');
      if (this.#uploads.size >= MAX_UPLOADS) {
        throw AppError.localized('busy', 'errorTooManyUploads', undefined, 'exchange');
      }
      upload = { parts: [], bytes: 0, touchedAt: this.#now() };
      this.#uploads.set(uploadId, upload);
    }
    if (index !== upload.parts.length) {
      this.#uploads.delete(uploadId);
      throw AppError.localized('invalid_input', 'errorUploadLost', undefined, 'exchange');
    }
    upload.bytes += Buffer.byteLength(content);
    if (upload.bytes > EXPORT_MAX_BYTES) {
      this.#uploads.delete(uploadId);
      throw AppError.localized(
        'invalid_input',
        'errorTooLarge',
        { size: Math.ceil(upload.bytes / MB), max: EXPORT_MAX_BYTES / MB },
        'exchange',
      );
    }
    upload.parts.push(content);
    upload.touchedAt = this.#now();
    return upload.bytes;
  }

  /** The whole text: the parts sent before, then `last`. The upload ends here, whatever follows. */
  finish(uploadId: string, last: string): string {
    const upload = this.#uploads.get(uploadId);
    this.#uploads.delete(uploadId);
    if (!upload) throw AppError.localized('invalid_input', 'errorUploadLost', undefined, 'exchange');
    const bytes = upload.bytes + Buffer.byteLength(last);
    if (bytes > EXPORT_MAX_BYTES) {
      throw AppError.localized(
        'invalid_input',
        'errorTooLarge',
        { size: Math.ceil(bytes / MB), max: EXPORT_MAX_BYTES / MB },
        'exchange',
      );
    }
    return upload.parts.join('') + last;
  }

  #dropAbandoned(): void {
    const now = this.#now();
    for (const [id, upload] of this.#uploads) {
      if (now - upload.touchedAt > ABANDONED_MS) this.#uploads.delete(id);
    }
  }
}
