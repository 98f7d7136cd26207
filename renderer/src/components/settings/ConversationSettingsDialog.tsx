import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SAMPLING, type Conversation, type Sampling } from '../../../../contract/index.js';
import { defaultSystemPromptFor } from '../../../../contract/i18n/index.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Dialog } from '../common/Dialog.js';
import { SamplingFields } from './SamplingFields.js';
import type { FieldErrors } from './fieldErrors.js';
import { parseSamplingDraft, toSamplingDraft } from './samplingDraft.js';

export function ConversationSettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('settings');
  const conversation = useAppStore((state) => state.openConversation);
  const defaults = useAppStore((state) => state.settings);
  return (
    <Dialog title={t('conversationSettings')} onClose={onClose} testId="conversation-settings-dialog">
      {conversation ? (
        <ConversationSettingsForm
          conversation={conversation}
          defaultSampling={defaults?.defaultSampling ?? DEFAULT_SAMPLING}
          // What a new conversation would start with: the built-in prompt in the UI's language.
          defaultSystemPrompt={
            defaults ? defaultSystemPromptFor(defaults.defaultSystemPrompt, currentLanguage()) : null
          }
          onClose={onClose}
        />
      ) : (
        <div className="dialog-body">
          <p>{t('openConversationFirst')}</p>
        </div>
      )}
    </Dialog>
  );
}

interface FormProps {
  conversation: Conversation;
  defaultSampling: Sampling;
  defaultSystemPrompt: string | null;
  onClose: () => void;
}

/** The system prompt and sampling of one conversation; sampling can follow the app-wide defaults. */
function ConversationSettingsForm({ conversation, defaultSampling, defaultSystemPrompt, onClose }: FormProps) {
  const { t } = useTranslation('settings');
  const commands = useCommands();
  const id = useId();
  const [systemPrompt, setSystemPrompt] = useState(conversation.systemPrompt);
  const [useDefaults, setUseDefaults] = useState(conversation.sampling === null);
  const [draft, setDraft] = useState(toSamplingDraft(conversation.sampling ?? defaultSampling));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  const save = async () => {
    let sampling: Sampling | null = null;
    if (!useDefaults) {
      const parsed = parseSamplingDraft(draft);
      if ('errors' in parsed) {
        setErrors(parsed.errors);
        return;
      }
      sampling = parsed.sampling;
    }
    setErrors({});
    setSaving(true);
    const saved = await commands.updateConversation({ systemPrompt, sampling });
    setSaving(false);
    if (saved) onClose();
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="dialog-body">
        <div className="field">
          <div className="field-label-row">
            <label htmlFor={`${id}-prompt`}>{t('systemPrompt')}</label>
            {defaultSystemPrompt !== null && systemPrompt !== defaultSystemPrompt && (
              <button type="button" className="link-button" onClick={() => setSystemPrompt(defaultSystemPrompt)}>
                {t('useDefaultPrompt')}
              </button>
            )}
          </div>
          <textarea
            id={`${id}-prompt`}
            className="input textarea"
            rows={4}
            maxLength={100_000}
            value={systemPrompt}
            onChange={(event) => setSystemPrompt(event.target.value)}
            data-testid="conversation-system-prompt"
          />
          <span className="field-hint">{t('appliesFromNextAnswer')}</span>
        </div>

        <label className="checkbox">
          <input
            type="checkbox"
            checked={useDefaults}
            onChange={(event) => {
              setUseDefaults(event.target.checked);
              if (event.target.checked) setDraft(toSamplingDraft(defaultSampling));
            }}
            data-testid="use-default-sampling"
          />
          <span>{t('useDefaultSampling')}</span>
        </label>
        <SamplingFields draft={draft} errors={errors} disabled={useDefaults} onChange={setDraft} />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={onClose}>
          {t('cancel', { ns: 'common' })}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('saving') : t('save', { ns: 'common' })}
        </button>
      </footer>
    </form>
  );
}
