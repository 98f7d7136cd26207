import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../format/formatBytes.js';
import { modelName } from '../../format/modelName.js';
import { localizedMessage } from '../../i18n/i18n.js';
import { useAppStore } from '../../store/appStore.js';

interface InstalledModelListProps {
  selectedId: string | null;
  onSelect: (modelId: string) => void;
}

/** The model files Hearth can run, as a list box: arrows move, the chosen one's card shows beside. */
export function InstalledModelList({ selectedId, onSelect }: InstalledModelListProps) {
  const { t } = useTranslation('library');
  const models = useAppStore((state) => state.models);
  const defaultModelId = useAppStore((state) => state.settings?.defaultModelId ?? null);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || models.length === 0) return;
    event.preventDefault();
    const index = models.findIndex((model) => model.id === selectedId);
    const next = models[Math.min(models.length - 1, Math.max(0, index + step))];
    if (next) {
      onSelect(next.id);
      document.getElementById(optionId(next.id))?.scrollIntoView({ block: 'nearest' });
    }
  };

  return (
    <ul
      className="installed-list"
      role="listbox"
      aria-label={t('installedListLabel')}
      tabIndex={0}
      aria-activedescendant={selectedId === null ? undefined : optionId(selectedId)}
      onKeyDown={onKeyDown}
      data-testid="installed-list"
    >
      {models.map((model) => (
        <li
          key={model.id}
          id={optionId(model.id)}
          role="option"
          aria-selected={model.id === selectedId}
          className="installed-item"
          onClick={() => onSelect(model.id)}
          data-testid="installed-model"
          data-model-id={model.id}
        >
          <span className="installed-name" title={model.fileName}>
            {modelName(model.id, models)}
          </span>
          <span className="installed-meta">
            {formatBytes(model.sizeBytes)}
            {model.source === 'linked' && (
              <span className="chip" title={t('linkedBadgeTitle')} data-testid="linked-badge">
                {t('linkedBadge')}
              </span>
            )}
            {model.id === defaultModelId && <span className="chip chip--key">{t('defaultBadge')}</span>}
            {model.check !== 'ready' && (
              <span
                className={model.check === 'broken' ? 'chip chip--error' : 'chip'}
                title={
                  model.problem === null
                    ? t('checkPendingTitle')
                    : localizedMessage({ message: model.problem, text: model.problemText })
                }
                data-testid="model-check"
              >
                {model.check === 'broken' ? t('checkBroken') : t('checkPending')}
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Model ids are file names: safe enough for an id once anything unusual is replaced. */
function optionId(modelId: string): string {
  return `installed-${modelId.replace(/[^\w-]/g, '_')}`;
}
