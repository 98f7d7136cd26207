import { useAppStore } from '../../store/appStore.js';

/** Screen readers hear when an answer starts and ends, without the stream itself being read out. */
export function LiveAnnouncer() {
  const announcement = useAppStore((state) => state.announcement);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-status">
      {announcement}
    </div>
  );
}
