import type { ImportOutcome } from '../../../../contract/index.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';

/**
 * What the last import did with each path it was given. Files that were queued show their
 * progress in the list below, so only those that were not are spelled out here.
 */
export function ImportOutcomeList() {
  const outcomes = useAppStore((state) => state.importOutcomes);
  const dismiss = useAppStore((state) => state.dismissImportOutcomes);
  if (outcomes === null) return null;
  const notable = outcomes.filter((outcome) => outcome.outcome !== 'queued');
  const queued = outcomes.length - notable.length;

  return (
    <section className="import-outcomes" aria-label="Import results" data-testid="import-outcomes">
      <div className="import-outcomes-head">
        <p>
          {queued === 0
            ? 'Nothing new to import.'
            : `${queued === 1 ? '1 file' : `${queued} files`} added; each is read and indexed in turn.`}
        </p>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
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
              <span className="import-outcome-text">{describeOutcome(outcome)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describeOutcome(outcome: ImportOutcome): string {
  switch (outcome.outcome) {
    case 'queued':
      return 'Importing';
    case 'unchanged':
      return 'Already imported';
    case 'refused':
      return outcome.error ?? 'Not imported.';
    default:
      return outcome.outcome satisfies never;
  }
}
