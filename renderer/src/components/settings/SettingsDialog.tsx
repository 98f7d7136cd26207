import { useAppStore } from '../../store/appStore.js';
import { Dialog } from '../common/Dialog.js';
import { SettingsForm } from './SettingsForm.js';

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useAppStore((state) => state.settings);
  return (
    <Dialog title="Settings" onClose={onClose} className="dialog--wide" testId="settings-dialog">
      {settings ? (
        <SettingsForm settings={settings} onClose={onClose} />
      ) : (
        <div className="dialog-body">
          <p>The settings could not be read yet. Check the message at the top of the window.</p>
        </div>
      )}
    </Dialog>
  );
}
