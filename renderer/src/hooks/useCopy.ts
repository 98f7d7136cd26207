import { useCallback, useEffect, useRef, useState } from 'react';
import { copyText } from '../util/copyText.js';

const CONFIRM_MS = 1500;

/** Copies text and reports "copied" / "failed" for a moment, for the button's label. */
export function useCopy(): { result: 'copied' | 'failed' | null; copy: (text: string) => Promise<void> } {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const timer = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const copy = useCallback(async (text: string) => {
    const copied = await copyText(text);
    setResult(copied ? 'copied' : 'failed');
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setResult(null), CONFIRM_MS);
  }, []);

  return { result, copy };
}
