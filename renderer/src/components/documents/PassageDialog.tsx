import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Citation } from '../../../../contract/index.js';
import { useCommands } from '../../session/CommandsContext.js';
import type { PassageView } from '../../session/createDocumentCommands.js';
import { CopyButton } from '../common/CopyButton.js';
import { Dialog } from '../common/Dialog.js';
import { Icon } from '../common/Icon.js';

interface PassageDialogProps {
  citation: Citation;
  onClose: () => void;
}

/**
 * A cited source where it is: the file, page and section, and the passage highlighted in the text
 * around it. The citation names the passage; its text is fetched, so that what is shown is what
 * the index holds now (and a deleted document says so).
 */
export function PassageDialog({ citation, onClose }: PassageDialogProps) {
  const { t } = useTranslation('documents');
  const commands = useCommands();
  const [view, setView] = useState<PassageView | { error: string } | null>(null);
  const highlight = useRef<HTMLElement>(null);

  useEffect(() => {
    let current = true;
    void commands.loadPassage(citation.chunkId, citation.documentId).then((result) => {
      if (current) setView(result);
    });
    return () => {
      current = false;
    };
  }, [commands, citation.chunkId, citation.documentId]);

  useEffect(() => {
    highlight.current?.scrollIntoView({ block: 'center' });
  }, [view]);

  const passage = view && 'hit' in view ? view : null;
  const where = passage?.hit ?? citation;

  return (
    <Dialog
      title={t('passageTitle', { n: citation.n })}
      onClose={onClose}
      className="dialog--wide"
      testId="passage-viewer"
    >
      <div className="dialog-body passage-body">
        <dl className="passage-where" data-testid="passage-where">
          <div>
            <dt>{t('passageFile')}</dt>
            <dd className="break">{where.fileName}</dd>
          </div>
          {where.page !== null && (
            <div>
              <dt>{t('passagePage')}</dt>
              <dd data-testid="passage-page">{where.page}</dd>
            </div>
          )}
          {where.headingPath.length > 0 && (
            <div>
              <dt>{t('passageSection')}</dt>
              <dd className="break">{where.headingPath.join(' › ')}</dd>
            </div>
          )}
        </dl>
        {view === null ? (
          <p className="passage-loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('openingPassage')}
          </p>
        ) : 'error' in view ? (
          <p className="card-error" role="alert" data-testid="passage-error">
            <Icon name="alert" />
            {view.error}
          </p>
        ) : (
          <div className="passage-text" tabIndex={0} aria-label={t('passageTextLabel')} data-testid="passage-text">
            {view.hit.startOffset > view.before.length && <span className="passage-gap">… </span>}
            {view.before}
            <mark ref={highlight} className="passage-highlight" data-testid="passage-highlight">
              {view.hit.text}
            </mark>
            {view.after}
          </div>
        )}
      </div>
      <footer className="dialog-footer">
        {passage && <CopyButton text={passage.hit.text} label={t('copyPassage')} showLabel />}
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('close')}
        </button>
      </footer>
    </Dialog>
  );
}
