import { useTranslation } from 'react-i18next';
import type { ContextPreparation } from '../../../../contract/index.js';
import { describeContext } from '../../format/describeContext.js';
import { Icon } from '../common/Icon.js';

/** How the engine got the conversation ready before answering, and whether a saved state was passed over. */
export function ContextIndicator({ context }: { context: ContextPreparation }) {
  const { t } = useTranslation('chat');
  const { label, detail } = describeContext(context);
  const warning = context.rejected === null ? null : t('savedStateNotUsed', { reason: context.rejected });
  return (
    <span className="message-context" data-testid="context-source" data-source={context.source} title={detail}>
      <Icon name="history" size={13} />
      {label}
      {warning && (
        <span className="message-context-warning" role="img" aria-label={warning} title={warning}>
          <Icon name="alert" size={14} />
        </span>
      )}
    </span>
  );
}
