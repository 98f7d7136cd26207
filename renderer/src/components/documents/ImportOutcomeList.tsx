import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../../contract/index.js';
import { localizedMessage } from '../../i18n/i18n.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';

/**
 * What the last import did with each path it was given. Files that were queued show their
 * progress in the list below, so only those that were not are spelled out here.
 */
export function ImportOutcomeList() {
  const { t } = useTranslation('documents');
  const outcomes = useAppStore((state) => state.importOutcomes);
  const dismiss = useAppStore((state) => state.dismissImportOutcomes);
  if (outcomes === null) return null;
  const notable = outcomes.filter((outcome) => outcome.outcome !== 'queued');
  const queued = outcomes.length - notable.length;

  return (
    <section className="import-outcomes" aria-label={t('importResults')} data-testid="import-outcomes">
      <div className="import-outcomes-head">
        <p>{queued === 0 ? t('nothingNew') : t('filesAdded', { count: queued })}</p>
        <button type="button" className="icon-button" aria-label={t('dismiss')} onClick={dismiss}>
          <Icon name="close" />
        </button>
      </div>
      {notable.length > 0 && (
        <ul className="import-outcome-list">
          {notable.map((outcome) => (
            <li
              key={outcome.path}
              className={`import-outcome import-outcome--${outcome.outcome}`}
              data-testid="import-outcome"
              data-outcome={outcome.outcome}
            >
              <Icon name={outcome.outcome === 'refused' ? 'alert' : 'check'} size={14} />
              <code className="import-outcome-path break">{outcome.path}</code>
              <span className="import-outcome-text">{describeOutcome(outcome, t)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A refusal is main's reason, in the UI's language when it came with its catalog key. */
function describeOutcome(outcome: ImportOutcome, t: TFunction<'documents'>): string {
  switch (outcome.outcome) {
    case 'queued':
      return t('outcomeImporting');
    case 'unchanged':
      return t('outcomeUnchanged');
    case 'refused':
      return outcome.error === null
        ? t('outcomeRefused')
        : localizedMessage({ message: outcome.error, text: outcome.errorText });
    default:
      return outcome.outcome satisfies never;
  }
}
