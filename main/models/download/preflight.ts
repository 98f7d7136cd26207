import { AppError } from '../../../contract/index.js';
import type { LocalizedText, TextKey, TextParams } from '../../../contract/i18n/index.js';
import { abortableDelay } from './abortableDelay.js';

export interface PreflightResult {
  /** The file's size as the server states it (from Content-Range, else Content-Length). */
  totalBytes: number;
}

export interface PreflightOptions {
  signal?: AbortSignal;
  /** Tries for a 5xx/429 answer or a network failure, with doubling waits from `baseDelayMs`. */
  attempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
}

/** An answer that will not change by retrying (4xx, a file that is not one). */
export class PermanentDownloadError extends AppError {
  constructor(message: string, text?: LocalizedText) {
    super('invalid_input', message, text);
  }

  /** One with a message from the 'library' catalog. */
  static of(key: TextKey<'library'>, params?: TextParams): PermanentDownloadError {
    const error = AppError.localized('invalid_input', key, params, 'library');
    return new PermanentDownloadError(error.message, error.text);
  }
}

/** A failure that may pass on its own (no answer, a server error): the key and values to say it with once retries are spent. */
class PassingFailure extends Error {
  constructor(
    readonly key: 'errorUnreachable' | 'errorNoAnswer' | 'errorServerError',
    readonly params: TextParams,
    options?: ErrorOptions,
  ) {
    super(key, options);
  }
}

/**
 * Asks the server for the file's first byte before any download starts. node-llama-cpp's
 * downloader (ipull) retries a 5xx answer about 150 times over many minutes, and its errors do
 * not say much; this request gets a clear, quick answer first — not found, no access, a server
 * error after a few tries — and the size, for the free-space check.
 */
export async function preflight(url: URL, options: PreflightOptions = {}): Promise<PreflightResult> {
  const attempts = options.attempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  let lastError: PassingFailure | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (options.signal?.aborted) throw AppError.localized('aborted', 'errorDownloadStopped', {}, 'library');
    try {
      return await askOnce(url, options);
    } catch (error) {
      if (error instanceof PermanentDownloadError || options.signal?.aborted) throw error;
      lastError =
        error instanceof PassingFailure ? error : new PassingFailure('errorUnreachable', { host: url.host, cause: '' });
      if (attempt < attempts) await abortableDelay(baseDelayMs * 2 ** (attempt - 1), options.signal);
    }
  }
  const failure = lastError ?? new PassingFailure('errorUnreachable', { host: url.host, cause: '' });
  throw AppError.localized('unsupported', failure.key, { ...failure.params, attempts }, 'library');
}

async function askOnce(url: URL, options: PreflightOptions): Promise<PreflightResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Range: 'bytes=0-0' }, redirect: 'follow', signal });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw timeout.aborted
      ? new PassingFailure(
          'errorNoAnswer',
          { host: url.host, seconds: Math.round((options.timeoutMs ?? 20_000) / 1000) },
          { cause: error },
        )
      : new PassingFailure('errorUnreachable', { host: url.host, cause: cause ? ` (${cause})` : '' }, { cause: error });
  }
  await response.body?.cancel().catch(() => undefined);
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (response.status === 404 || response.status === 410) {
    throw PermanentDownloadError.of('errorFileNotOnServer', { status, path: url.pathname });
  }
  if (response.status === 401 || response.status === 403) {
    throw PermanentDownloadError.of('errorAccessRefused', { status });
  }
  if (response.status >= 500 || response.status === 429) throw new PassingFailure('errorServerError', { status });
  if (response.status >= 400) throw PermanentDownloadError.of('errorServerAnswered', { status, path: url.pathname });

  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  const totalBytes = range ? Number(range[1]) : Number(response.headers.get('content-length') ?? NaN);
  if (!Number.isSafeInteger(totalBytes) || totalBytes <= 0) {
    throw PermanentDownloadError.of('errorNoSize', { path: url.pathname });
  }
  const type = response.headers.get('content-type') ?? '';
  if (/^text\/html/i.test(type)) {
    throw PermanentDownloadError.of('errorWebPage', { path: url.pathname });
  }
  return { totalBytes };
}
