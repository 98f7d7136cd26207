import { AppError } from '../../../contract/index.js';
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
  constructor(message: string) {
    super('invalid_input', message);
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
  let lastError: Error | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (options.signal?.aborted) throw new AppError('aborted', 'The download was stopped.');
    try {
      return await askOnce(url, options);
    } catch (error) {
      if (error instanceof PermanentDownloadError || options.signal?.aborted) throw error;
      lastError = error as Error;
      if (attempt < attempts) await abortableDelay(baseDelayMs * 2 ** (attempt - 1), options.signal);
    }
  }
  throw new AppError(
    'unsupported',
    `${lastError?.message ?? 'The server did not answer'} (tried ${attempts} times). Try again later.`,
  );
}

async function askOnce(url: URL, options: PreflightOptions): Promise<PreflightResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Range: 'bytes=0-0' }, redirect: 'follow', signal });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new Error(
      timeout.aborted
        ? `${url.host} did not answer within ${Math.round((options.timeoutMs ?? 20_000) / 1000)} s`
        : `Could not reach ${url.host}${cause ? ` (${cause})` : ''}`,
      { cause: error },
    );
  }
  await response.body?.cancel().catch(() => undefined);
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (response.status === 404 || response.status === 410) {
    throw new PermanentDownloadError(`The file is not on the server (${status}): ${url.pathname}`);
  }
  if (response.status === 401 || response.status === 403) {
    throw new PermanentDownloadError(
      `The server refused access (${status}). Gated models need you to accept their licence on the model page first.`,
    );
  }
  if (response.status >= 500 || response.status === 429) throw new Error(`The server answered ${status}`);
  if (response.status >= 400) throw new PermanentDownloadError(`The server answered ${status} for ${url.pathname}`);

  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  const totalBytes = range ? Number(range[1]) : Number(response.headers.get('content-length') ?? NaN);
  if (!Number.isSafeInteger(totalBytes) || totalBytes <= 0) {
    throw new PermanentDownloadError(`The server did not say how large ${url.pathname} is.`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (/^text\/html/i.test(type)) {
    throw new PermanentDownloadError(`The server sent a web page, not a model file (${url.pathname}).`);
  }
  return { totalBytes };
}
