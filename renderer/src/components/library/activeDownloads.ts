import type { Download } from '../../../../contract/index.js';

/** Downloads still moving or waiting to move: what the header's indicator counts. */
export function isActive(download: Download): boolean {
  return download.state === 'queued' || download.state === 'downloading' || download.state === 'verifying';
}

/** The download of one catalog file that has not finished or been given up, if any. */
export function downloadOf(downloads: readonly Download[], entryId: string, quantization: string): Download | null {
  return (
    downloads.find(
      (download) =>
        download.entryId === entryId &&
        download.quantization === quantization &&
        download.state !== 'complete' &&
        download.state !== 'failed',
    ) ?? null
  );
}

/** 0..100, or null while the server has not said how large the file is. */
export function percentOf(download: Download): number | null {
  if (download.totalBytes <= 0) return null;
  return Math.min(100, Math.floor((download.receivedBytes / download.totalBytes) * 100));
}

/**
 * The last try at one catalog file, when it failed and nothing newer is under way: what the place
 * the download was started from shows, so a failure is not silently turned back into "Download".
 */
export function failedDownloadOf(
  downloads: readonly Download[],
  entryId: string,
  quantization: string,
): Download | null {
  // Downloads are kept newest first.
  const latest = downloads.find((download) => download.entryId === entryId && download.quantization === quantization);
  return latest?.state === 'failed' ? latest : null;
}
