import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelCard, ModelFile } from '../../../../contract/index.js';
import { describeStateCost } from '../../format/describeStateCost.js';
import { familyLabel } from '../../format/familyLabel.js';
import { formatBytes } from '../../format/formatBytes.js';
import { formatParameterCount } from '../../format/formatParameterCount.js';
import { formatNumber } from '../../i18n/formatters.js';
import { useModelName } from '../../hooks/useModelName.js';
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
  const { t } = useTranslation('library');
  const commands = useCommands();
  const name = useModelName(model.id) ?? model.fileName;
  const view = useAppStore((state) => (state.cardView?.modelId === model.id ? state.cardView : null));
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void commands.showCard(model.id);
  }, [commands, model.id]);

  const card = view?.status === 'ready' || view?.status === 'loading' ? view.card : null;

  return (
    <section
      className="model-card"
      aria-label={t('cardLabel', { name })}
      aria-busy={view?.status === 'loading'}
      data-testid="model-card"
      data-model-id={model.id}
    >
      <header className="model-card-header">
        <div className="model-card-title">
          <h3 className="break">{card?.facts.name ?? name}</h3>
          <p className="model-card-subtitle break">
            {[
              ...(card?.facts.name ? [model.fileName] : []),
              formatBytes(model.sizeBytes),
              ...(model.source === 'linked' ? [t('cardSubtitleLinked')] : []),
            ].join(' · ')}
          </p>
        </div>
        {card && <span className="chip family-chip">{familyLabel(card.family)}</span>}
      </header>

      {view?.status === 'error' && (
        <div className="card-error" role="alert">
          <Icon name="alert" size={16} />
          <div>
            <p className="card-error-title">{t('cardErrorTitle')}</p>
            <p data-testid="card-error">{view.message}</p>
          </div>
        </div>
      )}
      {!card && view?.status !== 'error' && <SkeletonLines label={t('cardLoading')} lines={5} />}
      {card && <CardBody card={card} />}

      <ModelCardActions model={model} usable={card !== null} onDelete={() => setConfirming(true)} />

      {confirming && (
        <DeleteModelDialog
          name={name}
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
  const { t } = useTranslation('library');
  const { facts } = card;
  const moe = facts.activeParams < facts.totalParams;
  return (
    <>
      <ModelCardPlan plan={card.plan} />
      <dl className="facts model-card-facts">
        <dt>{t('factArchitecture')}</dt>
        <dd className="mono">{facts.architecture}</dd>
        <dt>{t('factParameters')}</dt>
        <dd data-testid="card-parameters">
          {t('parametersTotal', { count: formatParameterCount(facts.totalParams) })}
          {moe ? (
            <>
              {' · '}
              {t('parametersActive', { count: formatParameterCount(facts.activeParams) })}
              {facts.expertCount !== null && (
                <span className="muted">
                  {' '}
                  {t('expertsPerToken', { used: facts.expertUsedCount ?? '?', total: facts.expertCount })}
                </span>
              )}
            </>
          ) : (
            <span className="muted">
              {' · '}
              {t('allActive')}
            </span>
          )}
        </dd>
        <dt>{t('factQuantization')}</dt>
        <dd>
          <span className="chip">{facts.quantization}</span>
        </dd>
        <dt>{t('factFileSize')}</dt>
        <dd>{formatBytes(facts.fileBytes)}</dd>
        <dt>{t('factContextLength')}</dt>
        <dd>{t('contextTrained', { tokens: formatNumber(facts.trainedContextLength) })}</dd>
        <dt>{t('factLayers')}</dt>
        <dd>{facts.layers}</dd>
        <dt>{t('factTokenizer')}</dt>
        <dd>
          {card.tokenizer ?? <span className="muted">{t('notStated')}</span>}
          {card.vocabularySize > 0 && (
            <span className="muted">
              {' · '}
              {t('vocabularyTokens', { count: formatNumber(card.vocabularySize) })}
            </span>
          )}
        </dd>
        <dt>{t('factChatTemplate')}</dt>
        <dd data-testid="card-chat-template">
          {card.chatTemplate === null ? (
            <span className="muted">{t('noChatTemplate')}</span>
          ) : (
            <details className="chat-template">
              <summary>{t('chatTemplateIncluded')}</summary>
              <pre>{card.chatTemplate}</pre>
            </details>
          )}
        </dd>
        <dt>{t('factSavedState')}</dt>
        <dd data-testid="state-cost">{describeStateCost(card.stateCost)}</dd>
        {card.licence && (
          <>
            <dt>{t('factLicence')}</dt>
            <dd>{card.licence}</dd>
          </>
        )}
        <dt>{t('factFile')}</dt>
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
  const { t } = useTranslation('library');
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
        {t('useInNewChat')}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={!usable || isDefault}
        onClick={() => void commands.updateSettings({ defaultModelId: model.id })}
        data-testid="set-default-model"
      >
        {isDefault ? t('isDefaultModel') : t('setAsDefault')}
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
          {t('revealInFolder')}
        </button>
      )}
      <button
        type="button"
        className="button button--small button--quiet-danger"
        onClick={onDelete}
        data-testid="delete-model"
      >
        <Icon name="trash" size={14} />
        {model.source === 'linked' ? t('remove') : t('delete')}
      </button>
    </footer>
  );
}
