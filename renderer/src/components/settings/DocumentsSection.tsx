import { useId } from 'react';
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
  const id = useId();
  const cappedOverlap = overlapUsed(draft);

  return (
    <section className="settings-section" data-testid="documents-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Documents</h3>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-chunk`}>Passage size (characters)</label>
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
            {errors.documentChunkChars ?? 'Applies to documents imported from now on.'}
          </span>
        </div>

        <div className="field">
          <label htmlFor={`${id}-overlap`}>Overlap between passages (characters)</label>
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
              (cappedOverlap === null
                ? 'At most half the passage size is used.'
                : `Only ${cappedOverlap.toLocaleString('en-US')} characters are used: at most half the passage size.`)}
          </span>
        </div>
      </div>

      <div className="field">
        <label htmlFor={`${id}-embedding`}>Embedding model</label>
        <ModelFileSelect
          id={`${id}-embedding`}
          value={draft.embeddingModelId}
          noneLabel="None (keyword search only)"
          hintId={`${id}-embedding-hint`}
          testId="settings-embedding-model"
          onChange={(embeddingModelId) => onChange({ ...draft, embeddingModelId })}
        />
        <span id={`${id}-embedding-hint`} className="field-hint">
          With an embedding model (e.g. nomic-embed-text from the catalog), questions also find passages by meaning;
          every passage is embedded in the background.
        </span>
      </div>

      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-reranker`}>Reranking model</label>
          <ModelFileSelect
            id={`${id}-reranker`}
            value={draft.rerankerModelId}
            noneLabel="None"
            hintId={`${id}-reranker-hint`}
            testId="settings-reranker-model"
            onChange={(rerankerModelId) => onChange({ ...draft, rerankerModelId })}
          />
          <span id={`${id}-reranker-hint`} className="field-hint">
            A reranker (e.g. BGE Reranker v2 M3 from the catalog) rereads the best 30 passages for each question, puts
            the most relevant first and scores them, so strict mode can refuse when none is relevant.
          </span>
        </div>

        <div className="field">
          <label htmlFor={`${id}-min-relevance`}>Strict mode: least relevance to answer</label>
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
            {errors.strictMinRelevance ??
              'From 0 to 1. With a reranker, a question whose best passage scores lower is answered “not covered”.'}
          </span>
        </div>
      </div>
    </section>
  );
}
