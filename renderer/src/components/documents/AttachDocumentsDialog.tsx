import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../contract/index.js';
import { useCommands } from '../../session/CommandsContext.js';
import type { AllSlices } from '../../store/AllSlices.js';
import { useAppStore } from '../../store/appStore.js';
import { Dialog } from '../common/Dialog.js';
import { Icon } from '../common/Icon.js';
import { isImporting } from './documentProgress.js';

interface Group {
  id: string | null;
  name: string;
  documents: DocumentSummary[];
}

/** The catalog's reranker offered to strict mode: multilingual, and its files are confirmed. */
const RERANKER_ENTRY_ID = 'bge-reranker-v2-m3';

const selectAttachments = (state: AllSlices) =>
  state.attachments?.conversationId === state.openConversationId ? state.attachments : null;

/**
 * Which indexed documents the open conversation answers from, and whether only from them. With
 * collections, each has a checkbox of its own that attaches all of its documents at once.
 */
export function AttachDocumentsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('documents');
  const id = useId();
  const commands = useCommands();
  const documents = useAppStore((state) => state.documents);
  const collections = useAppStore((state) => state.collections);
  const attachments = useAppStore(selectAttachments);
  const hasReranker = useAppStore((state) => (state.settings?.rerankerModelId ?? null) !== null);
  const [touched, setTouched] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(attachments?.documentIds));
  const [strict, setStrict] = useState(attachments?.strict ?? false);
  const [shownAttachments, setShownAttachments] = useState(attachments);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Main's answer may arrive after the dialog opened: show it, unless the user already chose.
  if (attachments !== shownAttachments) {
    setShownAttachments(attachments);
    if (!touched) {
      setSelected(new Set(attachments?.documentIds));
      setStrict(attachments?.strict ?? false);
    }
  }

  useEffect(() => {
    void commands.refreshDocuments();
    void commands.refreshCollections();
    void commands.refreshAttachments();
  }, [commands]);

  const indexed = documents.filter((document) => document.status === 'indexed');
  const waiting = documents.filter(isImporting).length;
  const groups = groupByCollection(indexed, collections, t('notInCollection'));

  const change = (ids: readonly string[], attach: boolean) => {
    setTouched(true);
    setSelected((current) => {
      const next = new Set(current);
      for (const documentId of ids) {
        if (attach) next.add(documentId);
        else next.delete(documentId);
      }
      return next;
    });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    // Only documents that can still be searched: one deleted meanwhile is dropped here.
    const documentIds = indexed.filter((document) => selected.has(document.id)).map((document) => document.id);
    const failure = await commands.saveAttachments(documentIds, strict);
    setSaving(false);
    if (failure) {
      setError(failure);
      return;
    }
    onClose();
    useAppStore.getState().focusComposer();
  };

  const chosen = indexed.filter((document) => selected.has(document.id)).length;

  return (
    <Dialog title={t('attachTitle')} onClose={onClose} className="dialog--wide" testId="attach-documents-dialog">
      <form onSubmit={(event) => void save(event)}>
        <div className="dialog-body attach-body">
          {indexed.length === 0 ? (
            <div className="documents-empty">
              <Icon name="fileText" size={28} />
              <strong>{waiting > 0 ? t('attachStillIndexing') : t('noDocuments')}</strong>
              <p>{waiting > 0 ? t('attachAfterIndexing') : t('attachImportFirst')}</p>
              <button type="button" className="button" onClick={() => commands.openDocuments()}>
                <Icon name="fileImport" />
                {t('openDocuments')}
              </button>
            </div>
          ) : (
            <>
              <p className="hint">{t('attachHint')}</p>
              {groups.map((group) => (
                <AttachGroup
                  key={group.id ?? 'none'}
                  group={group}
                  showHeading={groups.length > 1 || group.id !== null}
                  selected={selected}
                  onChange={change}
                />
              ))}
              {waiting > 0 && <p className="hint">{t('moreStillImporting', { count: waiting })}</p>}
              <div className="attach-strict">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={strict}
                    onChange={(event) => {
                      setTouched(true);
                      setStrict(event.target.checked);
                    }}
                    aria-describedby={`${id}-strict`}
                    data-testid="strict-documents"
                  />
                  {t('strictLabel')}
                </label>
                <p id={`${id}-strict`} className="field-hint checkbox-hint" data-testid="strict-hint">
                  {hasReranker ? t('strictHintReranker') : t('strictHintNoReranker')}
                </p>
                {!hasReranker && (
                  <button
                    type="button"
                    className="link-button checkbox-hint"
                    onClick={() => commands.openLibrary('catalog', RERANKER_ENTRY_ID)}
                    data-testid="get-reranker"
                  >
                    {t('getReranker')}
                  </button>
                )}
              </div>
            </>
          )}
          {error && (
            <p className="field-error" role="alert" data-testid="attach-error">
              {error}
            </p>
          )}
        </div>
        <footer className="dialog-footer">
          <span className="attach-summary" aria-live="polite">
            {indexed.length > 0 && (chosen === 0 ? t('noneAttached') : t('attachedCount', { count: chosen }))}
          </span>
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={saving || (indexed.length === 0 && (attachments?.documentIds.length ?? 0) === 0)}
            data-testid="save-attachments"
          >
            {saving && <span className="spinner" aria-hidden="true" />}
            {t('save')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

interface AttachGroupProps {
  group: Group;
  showHeading: boolean;
  selected: ReadonlySet<string>;
  onChange: (ids: readonly string[], attach: boolean) => void;
}

function AttachGroup({ group, showHeading, selected, onChange }: AttachGroupProps) {
  const { t } = useTranslation('documents');
  const ids = group.documents.map((document) => document.id);
  const count = ids.filter((documentId) => selected.has(documentId)).length;
  const groupBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (groupBox.current) groupBox.current.indeterminate = count > 0 && count < ids.length;
  }, [count, ids.length]);

  return (
    <fieldset className="attach-group" data-testid="attach-group">
      {showHeading && (
        <legend className="attach-group-title">
          <label className="checkbox">
            <input
              ref={groupBox}
              type="checkbox"
              checked={count === ids.length}
              onChange={(event) => onChange(ids, event.target.checked)}
              data-testid="attach-collection"
            />
            {group.name}
            <span className="count">{ids.length}</span>
          </label>
        </legend>
      )}
      <ul className="attach-list">
        {group.documents.map((document) => (
          <li key={document.id}>
            <label className="checkbox attach-option">
              <input
                type="checkbox"
                checked={selected.has(document.id)}
                onChange={(event) => onChange([document.id], event.target.checked)}
                data-testid="attach-document-option"
                data-document-id={document.id}
              />
              <span className="attach-option-name break">{document.fileName}</span>
              <span className="attach-option-meta">{describeSize(document, t)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Collections in the order they were made, then the documents in none. Empty groups are left out. */
function groupByCollection(
  documents: DocumentSummary[],
  collections: readonly { id: string; name: string }[],
  noCollectionName: string,
): Group[] {
  const groups: Group[] = collections.map((collection) => ({
    id: collection.id,
    name: collection.name,
    documents: documents.filter((document) => document.collectionId === collection.id),
  }));
  const known = new Set(collections.map((collection) => collection.id));
  groups.push({
    id: null,
    name: noCollectionName,
    documents: documents.filter((document) => document.collectionId === null || !known.has(document.collectionId)),
  });
  return groups.filter((group) => group.documents.length > 0);
}

/** "Guide · 12 pages", or the passages of a document without pages. */
function describeSize(document: DocumentSummary, t: TFunction<'documents'>): string {
  const size =
    document.pageCount === null
      ? t('passageCount', { count: document.chunksTotal })
      : t('pageCount', { count: document.pageCount });
  return document.title && document.title !== document.fileName
    ? t('titleWithMeta', { title: document.title, meta: size })
    : size;
}
