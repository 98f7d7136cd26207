/**
 * A file name made from a conversation's title: characters no file system accepts (and control
 * characters) become dashes, the length is kept well under every system's limit.
 */
export function exportFileName(title: string, extension: 'json' | 'md'): string {
  const cleaned = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  const stem = Array.from(cleaned).slice(0, 80).join('').trim() || 'conversation';
  return `${stem}.${extension}`;
}

/** The archive's name: the day it was made, so several archives sort by date. */
export function archiveFileName(at: number): string {
  return `hearth-conversations-${new Date(at).toISOString().slice(0, 10)}.json`;
}
