import { useEffect, useState } from 'react';
import type { ModelCard, ModelFile } from '../../../../contract/index.js';
import { describeStateCost } from '../../format/describeStateCost.js';
import { familyLabel } from '../../format/familyLabel.js';
import { formatBytes } from '../../format/formatBytes.js';
import { formatParameterCount } from '../../format/formatParameterCount.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { SkeletonLines } from '../settings/hardware/SkeletonLines.js';
import { DeleteModelDialog } from './DeleteModelDialog.js';
import { ModelCardPlan } from './ModelCardPlan.js';

interface ModelCardPanelProps {
  model: ModelFile;
  onDeleted: () => void;
}

/** Everything Hearth knows about one installed model, and what can be done with it. */
export function ModelCardPanel({ model, onDeleted }: ModelCardPanelProps) {
  const commands = useCommands();
  const view = useAppStore((state) => (state.cardView?.modelId === model.id ? state.cardView : null));
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void commands.showCard(model.id);
  }, [commands, model.id]);

  const card = view?.status === 'ready' || view?.status === 'loading' ? view.card : null;

  return (
    <section
      className="model-card"
      aria-label={`About ${model.fileName}`}
      aria-busy={view?.status === 'loading'}
      data-testid="model-card"
      data-model-id={model.id}
    >
      <header className="model-card-header">
        <div className="model-card-title">
          <h3 className="break">{card?.facts.name ?? model.fileName}</h3>
          <p className="model-card-subtitle break">
            {card?.facts.name ? `${model.fileName} · ` : ''}
            {formatBytes(model.sizeBytes)}
            {model.source === 'linked' ? ' · linked, used where it is' : ''}
          </p>
        </div>
        {card && <span className="chip family-chip">{familyLabel(card.family)}</span>}
      </header>

      {view?.status === 'error' && (
        <div className="card-error" role="alert">
          <Icon name="alert" size={16} />
          <div>
            <p className="card-error-title">Hearth could not read this model file.</p>
            <p data-testid="card-error">{view.message}</p>
          </div>
        </div>
      )}
      {!card && view?.status !== 'error' && <SkeletonLines label="Reading the model and planning…" lines={5} />}
      {card && <CardBody card={card} />}

      <ModelCardActions model={model} usable={card !== null} onDelete={() => setConfirming(true)} />

      {confirming && (
        <DeleteModelDialog
          fileName={model.fileName}
          linked={model.source === 'linked'}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void commands.deleteModel(model.id).then((deleted) => deleted && onDeleted());
          }}
        />
      )}
    </section>
  );
}

function CardBody({ card }: { card: ModelCard }) {
  const { facts } = card;
  const moe = facts.activeParams < facts.totalParams;
  return (
    <>
      <ModelCardPlan plan={card.plan} />
      <dl className="facts model-card-facts">
        <dt>Architecture</dt>
        <dd className="mono">{facts.architecture}</dd>
        <dt>Parameters</dt>
        <dd data-testid="card-parameters">
          {formatParameterCount(facts.totalParams)} total
          {moe ? (
            <>
              {' '}
              · {formatParameterCount(facts.activeParams)} active
              {facts.expertCount !== null && (
                <span className="muted">
                  {' '}
                  ({facts.expertUsedCount ?? '?'} of {facts.expertCount} experts per token)
                </span>
              )}
            </>
          ) : (
            <span className="muted"> · all active</span>
          )}
        </dd>
        <dt>Quantization</dt>
        <dd>
          <span className="chip">{facts.quantization}</span>
        </dd>
        <dt>File size</dt>
        <dd>{formatBytes(facts.fileBytes)}</dd>
        <dt>Context length</dt>
        <dd>{facts.trainedContextLength.toLocaleString()} tokens (trained)</dd>
        <dt>Layers</dt>
        <dd>{facts.layers}</dd>
        <dt>Tokenizer</dt>
        <dd>
          {card.tokenizer ?? <span className="muted">not stated</span>}
          {card.vocabularySize > 0 && <span className="muted"> · {card.vocabularySize.toLocaleString()} tokens</span>}
        </dd>
        <dt>Chat template</dt>
        <dd data-testid="card-chat-template">
          {card.chatTemplate === null ? (
            <span className="muted">None in the file: a generic one is used</span>
          ) : (
            <details className="chat-template">
              <summary>Included</summary>
              <pre>{card.chatTemplate}</pre>
            </details>
          )}
        </dd>
        <dt>Saved state</dt>
        <dd data-testid="state-cost">{describeStateCost(card.stateCost)}</dd>
        {card.licence && (
          <>
            <dt>Licence</dt>
            <dd>{card.licence}</dd>
          </>
        )}
        <dt>File</dt>
        <dd className="mono model-card-path">{card.path}</dd>
      </dl>
    </>
  );
}

interface ModelCardActionsProps {
  model: ModelFile;
  /** False while the card is unknown or unreadable: only Reveal and Delete make sense then. */
  usable: boolean;
  onDelete: () => void;
}

function ModelCardActions({ model, usable, onDelete }: ModelCardActionsProps) {
  const commands = useCommands();
  const canOpenFolders = useAppStore((state) => state.appInfo?.canOpenFolders ?? false);
  const isDefault = useAppStore((state) => state.settings?.defaultModelId === model.id);
  return (
    <footer className="model-card-actions">
      <button
        type="button"
        className="button button--primary button--small"
        disabled={!usable}
        onClick={() => void commands.newConversationWith(model.id)}
        data-testid="use-model"
      >
        <Icon name="chat" size={14} />
        Use in a new chat
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={!usable || isDefault}
        onClick={() => void commands.updateSettings({ defaultModelId: model.id })}
        data-testid="set-default-model"
      >
        {isDefault ? 'Default model' : 'Set as default'}
      </button>
      <span className="model-card-actions-spacer" />
      {canOpenFolders && (
        <button
          type="button"
          className="button button--small"
          onClick={() => void commands.revealModel(model.id)}
          data-testid="reveal-model"
        >
          <Icon name="folder" size={14} />
          Reveal in folder
        </button>
      )}
      <button
        type="button"
        className="button button--small button--quiet-danger"
        onClick={onDelete}
        data-testid="delete-model"
      >
        <Icon name="trash" size={14} />
        {model.source === 'linked' ? 'Remove' : 'Delete'}
      </button>
    </footer>
  );
}
