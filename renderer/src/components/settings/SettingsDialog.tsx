import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore.js';
import { Dialog } from '../common/Dialog.js';
import { SettingsForm } from './SettingsForm.js';

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('settings');
  const settings = useAppStore((state) => state.settings);
  return (
    <Dialog title={t('title')} onClose={onClose} className="dialog--wide" testId="settings-dialog">
      {settings ? (
        <SettingsForm settings={settings} onClose={onClose} />
      ) : (
        <div className="dialog-body">
          <p>{t('notReadYet')}</p>
        </div>
      )}
    </Dialog>
  );
}
