import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useCommands } from '../../../session/CommandsContext.js';
import { useAppStore } from '../../../store/appStore.js';

interface ReloadModelButtonProps {
  modelId: string | null;
  /** Saves the form first when it holds changes; resolves false when they could not be saved. */
  saveFirst: (() => Promise<boolean>) | null;
}

/** Engine settings apply when a model loads: this unloads and loads it, so they apply now. */
export function ReloadModelButton({ modelId, saveFirst }: ReloadModelButtonProps) {
  const { t } = useTranslation('settings');
  const commands = useCommands();
  const engineBusy = useAppStore((state) => {
    const engineState = state.engine?.state;
    return engineState === 'loading' || engineState === 'generating' || engineState === 'starting';
  });
  const anyLoaded = useAppStore((state) => state.engine?.loadedModel != null);
  const [reloading, setReloading] = useState(false);

  const reload = async () => {
    if (modelId === null) return;
    setReloading(true);
    try {
      if (saveFirst && !(await saveFirst())) return;
      await commands.reloadModel(modelId);
    } finally {
      setReloading(false);
    }
  };

  const label = saveFirst ? t('saveAndReload') : anyLoaded ? t('reloadNow') : t('loadNow');
  return (
    <div className="overrides-apply">
      <p className="field-hint">{saveFirst ? t('appliesNextLoadSaveFirst') : t('appliesNextLoad')}</p>
      <button
        type="button"
        className="button"
        disabled={modelId === null || engineBusy || reloading}
        onClick={() => void reload()}
        data-testid="reload-model"
      >
        {reloading && <span className="spinner" aria-hidden="true" />}
        {reloading ? t('loadingModel') : label}
      </button>
    </div>
  );
}
