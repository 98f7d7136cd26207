import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/appStore.js';
import { BannerItem } from './BannerItem.js';

/**
 * Errors from calls and notices from main, newest first. A banner raised in one conversation shows
 * only while that conversation is open; app-wide ones always.
 */
export function Banners() {
  const banners = useAppStore(
    useShallow((state) =>
      state.banners.filter(
        (banner) => banner.conversationId === undefined || banner.conversationId === state.openConversationId,
      ),
    ),
  );
  const dismiss = useAppStore((state) => state.dismissBanner);
  if (banners.length === 0) return null;
  return (
    <div className="banners">
      {banners.map((banner) => (
        <BannerItem key={banner.id} banner={banner} onDismiss={dismiss} />
      ))}
    </div>
  );
}
