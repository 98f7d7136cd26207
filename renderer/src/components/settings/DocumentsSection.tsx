import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/formatters.js';
import { overlapUsed, type DocumentsDraft } from './documentsDraft.js';
import type { FieldErrors } from './fieldErrors.js';
import { ModelFileSelect } from './ModelFileSelect.js';

interface DocumentsSectionProps {
  draft: DocumentsDraft;
  errors: FieldErrors;
  onChange: (draft: DocumentsDraft) => void;
}

/** How imported documents are cut into passages, and whether passages are also found by meaning. */
export function DocumentsSection({ draft, errors, onChange }: DocumentsSectionProps) {
  const { t } = useTranslation('settings');
  const id = useId();
  const cappedOverlap = overlapUsed(draft);

  return (
    <section className="settings-section" data-testid="documents-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('documents')}</h3>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-chunk`}>{t('passageSize')}</label>
          <input
            id={`${id}-chunk`}
            className="input"
            type="number"
            min={200}
            max={8000}
            step={100}
            value={draft.chunkChars}
            aria-invalid={errors.documentChunkChars ? true : undefined}
            aria-describedby={`${id}-chunk-hint`}
            onChange={(event) => onChange({ ...draft, chunkChars: event.target.value })}
            data-testid="settings-chunk-chars"
          />
          <span id={`${id}-chunk-hint`} className={errors.documentChunkChars ? 'field-error' : 'field-hint'}>
            {errors.documentChunkChars ?? t('passageSizeHint')}
          </span>
        </div>

        <div className="field">
          <label htmlFor={`${id}-overlap`}>{t('overlap')}</label>
          <input
            id={`${id}-overlap`}
            className="input"
            type="number"
            min={0}
            max={4000}
            step={10}
            value={draft.chunkOverlap}
            aria-invalid={errors.documentChunkOverlap ? true : undefined}
            aria-describedby={`${id}-overlap-hint`}
            onChange={(event) => onChange({ ...draft, chunkOverlap: event.target.value })}
            data-testid="settings-chunk-overlap"
          />
          <span id={`${id}-overlap-hint`} className={errors.documentChunkOverlap ? 'field-error' : 'field-hint'}>
            {errors.documentChunkOverlap ??
              (cappedOverlap === null ? t('overlapHint') : t('overlapCapped', { chars: formatNumber(cappedOverlap) }))}
          </span>
        </div>
      </div>

      <div className="field">
        <label htmlFor={`${id}-embedding`}>{t('embeddingModel')}</label>
        <ModelFileSelect
          id={`${id}-embedding`}
          value={draft.embeddingModelId}
          noneLabel={t('embeddingNone')}
          hintId={`${id}-embedding-hint`}
          testId="settings-embedding-model"
          onChange={(embeddingModelId) => onChange({ ...draft, embeddingModelId })}
        />
        <span id={`${id}-embedding-hint`} className="field-hint">
          {t('embeddingHint')}
        </span>
      </div>

      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-reranker`}>{t('rerankerModel')}</label>
          <ModelFileSelect
            id={`${id}-reranker`}
            value={draft.rerankerModelId}
            noneLabel={t('rerankerNone')}
            hintId={`${id}-reranker-hint`}
            testId="settings-reranker-model"
            onChange={(rerankerModelId) => onChange({ ...draft, rerankerModelId })}
          />
          <span id={`${id}-reranker-hint`} className="field-hint">
            {t('rerankerHint')}
          </span>
        </div>

        <div className="field">
          <label htmlFor={`${id}-min-relevance`}>{t('minRelevance')}</label>
          <input
            id={`${id}-min-relevance`}
            className="input"
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={draft.strictMinRelevance}
            aria-invalid={errors.strictMinRelevance ? true : undefined}
            aria-describedby={`${id}-min-relevance-hint`}
            onChange={(event) => onChange({ ...draft, strictMinRelevance: event.target.value })}
            data-testid="settings-min-relevance"
          />
          <span id={`${id}-min-relevance-hint`} className={errors.strictMinRelevance ? 'field-error' : 'field-hint'}>
            {errors.strictMinRelevance ?? t('minRelevanceHint')}
          </span>
        </div>
      </div>
    </section>
  );
}
