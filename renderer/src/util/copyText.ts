/**
 * Copies text to the clipboard. The async Clipboard API can be refused (a host that denies
 * permission requests, a page that is not focused), so the old selection-based copy is tried too.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text);
  }
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'clipboard-scratch';
  document.body.append(area);
  const previousFocus = document.activeElement;
  area.select();
  let copied: boolean;
  try {
    // Deprecated, but the only copy that works where the Clipboard API is refused.
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  if (previousFocus instanceof HTMLElement) previousFocus.focus();
  return copied;
}
