import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';

interface CollectionBarProps {
  /** The collection shown (and imported into); null: every document, imports in no collection. */
  collectionId: string | null;
  onChange: (collectionId: string | null) => void;
}

/** Which collection the dialog shows and imports into, and making a new one. */
export function CollectionBar({ collectionId, onChange }: CollectionBarProps) {
  const { t } = useTranslation('documents');
  const id = useId();
  const commands = useCommands();
  const collections = useAppStore((state) => state.collections);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || creating) return;
    setCreating(true);
    const collection = await commands.createCollection(name.trim());
    setCreating(false);
    if (!collection) return;
    onChange(collection.id);
    setName('');
    setNaming(false);
  };

  return (
    <div className="collection-bar">
      <div className="field collection-filter">
        <label htmlFor={`${id}-collection`}>{t('collection')}</label>
        <select
          id={`${id}-collection`}
          className="select"
          value={collectionId ?? ''}
          onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
          data-testid="collection-filter"
        >
          <option value="">{t('allDocuments')}</option>
          {collections.map((collection) => (
            <option key={collection.id} value={collection.id}>
              {collection.name}
            </option>
          ))}
        </select>
      </div>
      {naming ? (
        <form className="collection-new" onSubmit={(event) => void create(event)}>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('newCollection')}</label>
            <input
              id={`${id}-name`}
              className="input"
              type="text"
              maxLength={200}
              autoComplete="off"
              placeholder={t('collectionPlaceholder')}
              value={name}
              autoFocus
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Escape') return;
                // Closes this field, not the whole dialog.
                event.preventDefault();
                event.stopPropagation();
                setNaming(false);
              }}
              data-testid="collection-name"
            />
          </div>
          <button
            type="submit"
            className="button button--small button--primary"
            disabled={name.trim() === '' || creating}
            data-testid="create-collection"
          >
            {t('create')}
          </button>
          <button type="button" className="button button--small" onClick={() => setNaming(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button button--small collection-add"
          onClick={() => setNaming(true)}
          data-testid="new-collection"
        >
          <Icon name="plus" size={14} />
          {t('newCollection')}
        </button>
      )}
    </div>
  );
}
