import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatShortcut } from '../../format/shortcutKeys.js';
import { formatNumber, formatPercent } from '../../i18n/formatters.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { isActive, percentOf } from '../library/activeDownloads.js';

/** Opens the model library; while downloads run it shows their combined progress. */
export function LibraryButton() {
  const { t } = useTranslation('header');
  const commands = useCommands();
  const active = useAppStore(useShallow((state) => state.downloads.filter(isActive)));

  const received = active.reduce((sum, download) => sum + download.receivedBytes, 0);
  const total = active.reduce((sum, download) => sum + download.totalBytes, 0);
  const percent =
    active.length === 1 && active[0] ? percentOf(active[0]) : total > 0 ? Math.floor((received / total) * 100) : null;
  const shownPercent = percent === null ? null : formatPercent(percent / 100);
  const counted = { count: active.length, n: formatNumber(active.length) };

  return (
    <>
      {active.length > 0 && (
        <button
          type="button"
          className="downloads-indicator"
          onClick={() => commands.openLibrary('downloads')}
          title={t('showDownloads')}
          aria-label={
            shownPercent === null
              ? t('downloadsLabel', counted)
              : t('downloadsPercentLabel', { ...counted, percent: shownPercent })
          }
          data-testid="downloads-indicator"
        >
          <Icon name="download" size={14} />
          <span>{shownPercent ?? t('progressUnknown')}</span>
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={t('models')}
        title={t('modelsTitle', { keys: formatShortcut(['mod', 'M']) })}
        aria-keyshortcuts="Control+M Meta+M"
        onClick={() => commands.openLibrary()}
        data-testid="open-library"
      >
        <Icon name="library" />
      </button>
    </>
  );
}
