import { useAppStore } from '../../store/appStore.js';
import { BannerItem } from './BannerItem.js';

/** Errors from calls and notices from main, newest first. */
export function Banners() {
  const banners = useAppStore((state) => state.banners);
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
