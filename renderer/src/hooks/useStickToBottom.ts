import { useCallback, useEffect, useRef, type RefObject } from 'react';

const NEAR_BOTTOM_PX = 48;

/**
 * Keeps a scroll container at the bottom while its content grows (a streaming answer), unless
 * the user has scrolled up to read. Changing `pinKey` (another conversation, a new message)
 * scrolls to the bottom again. Returns `unpin`, for a caller that scrolls elsewhere itself (to a
 * message a search found): growing content must not pull the view back down from there.
 */
export function useStickToBottom(
  scrollRef: RefObject<HTMLElement | null>,
  contentRef: RefObject<HTMLElement | null>,
  pinKey: string,
): () => void {
  const pinned = useRef(true);

  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    const onScroll = () => {
      pinned.current = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM_PX;
    };
    const observer = new ResizeObserver(() => {
      if (pinned.current) scroller.scrollTop = scroller.scrollHeight;
    });
    observer.observe(content);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [scrollRef, contentRef]);

  useEffect(() => {
    pinned.current = true;
    const scroller = scrollRef.current;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, [pinKey, scrollRef]);

  return useCallback(() => {
    pinned.current = false;
  }, []);
}
