/**
 * The path of a file dropped on the page, where the host can tell it: browsers never can, the
 * desktop preload can (Electron's `webUtils.getPathForFile`). Null when no path is available.
 */
export function droppedFilePath(file: File): string | null {
  const path = window.hearth?.pathForFile?.(file) ?? '';
  return path === '' ? null : path;
}
