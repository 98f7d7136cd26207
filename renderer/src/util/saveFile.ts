/**
 * Hands a file to the browser to save, as a download from a Blob: the same in the web host and
 * in the desktop app (Electron offers its save dialog for it), with no file-system access here.
 */
export function saveFile(file: { fileName: string; mimeType: string; content: string }): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the Blob after this task; revoking at once could cut it off.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
