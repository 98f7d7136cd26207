import { useCallback, useState, type ClipboardEvent } from 'react';

/**
 * A text field's paste that would pass `max` characters: cut to what fits (as `maxLength` would,
 * silently) and remembered, so the field can say so. `cutText` is the field's text right after
 * such a paste; the caller shows its notice while the text is still that (typing on ends it).
 */
export function usePasteLimit(
  max: number,
  setText: (text: string) => void,
): { onPaste: (event: ClipboardEvent<HTMLTextAreaElement>) => void; cutText: string | null } {
  const [cutText, setCutText] = useState<string | null>(null);
  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLTextAreaElement>) => {
      const pasted = event.clipboardData.getData('text/plain');
      const field = event.currentTarget;
      const before = field.value.slice(0, field.selectionStart);
      const after = field.value.slice(field.selectionEnd);
      const room = max - before.length - after.length;
      if (pasted.length <= room) return;
      event.preventDefault();
      const kept = pasted.slice(0, Math.max(0, room));
      const next = before + kept + after;
      setText(next);
      setCutText(next);
      const caret = before.length + kept.length;
      // After React has put the new value in the field.
      requestAnimationFrame(() => field.setSelectionRange(caret, caret));
    },
    [max, setText],
  );
  return { onPaste, cutText };
}
