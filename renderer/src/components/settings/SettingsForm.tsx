import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsSchema, type Settings, type Theme } from '../../../../contract/index.js';
import { defaultSystemPromptFor, type LanguageChoice } from '../../../../contract/i18n/index.js';
import { currentLanguage } from '../../i18n/i18n.js';
import { useCommands } from '../../session/CommandsContext.js';
import { AboutSection } from './AboutSection.js';
import { EngineStatusPanel } from './EngineStatusPanel.js';
import { FoldersSection } from './FoldersSection.js';
import { SamplingFields } from './SamplingFields.js';
import { ThemeField } from './ThemeField.js';
import { LanguageField } from './LanguageField.js';
import { fieldErrorsFrom, type FieldErrors } from './fieldErrors.js';
import { samplingInput, toNumber, toSamplingDraft, type SamplingDraft } from './samplingDraft.js';
import { DefaultModelField } from './DefaultModelField.js';
import { DocumentsSection } from './DocumentsSection.js';
import { documentsInput, toDocumentsDraft, type DocumentsDraft } from './documentsDraft.js';
import { SavedStatesSection } from './SavedStatesSection.js';
import { statesInput, toStatesDraft, type StatesDraft } from './statesDraft.js';
import { HardwareSection } from './hardware/HardwareSection.js';
import { RemoteEnginesSection } from './remote/RemoteEnginesSection.js';
import { LocalServerSection } from './server/LocalServerSection.js';
import {
  hardwareInput,
  isHardwareDraftChanged,
  toHardwareDraft,
  type HardwareDraft,
} from './hardware/hardwareDraft.js';

interface SettingsFormProps {
  settings: Settings;
  onClose: () => void;
}

/** Edits a copy of the settings; nothing changes until Save, and Save checks the contract's schema first. */
export function SettingsForm({ settings, onClose }: SettingsFormProps) {
  const { t } = useTranslation('settings');
  const commands = useCommands();
  const id = useId();
  const [theme, setTheme] = useState<Theme>(settings.theme);
  const [language, setLanguage] = useState<LanguageChoice>(settings.language);
  const [sampling, setSampling] = useState<SamplingDraft>(toSamplingDraft(settings.defaultSampling));
  // The built-in prompt is shown in the UI's language (and saved so, still recognised as built-in).
  const [systemPrompt, setSystemPrompt] = useState(() =>
    defaultSystemPromptFor(settings.defaultSystemPrompt, currentLanguage()),
  );
  const [contextSize, setContextSize] = useState(String(settings.contextSize));
  const [hardware, setHardware] = useState<HardwareDraft>(toHardwareDraft(settings));
  const [defaultModelId, setDefaultModelId] = useState(settings.defaultModelId);
  const [loadModelOnStart, setLoadModelOnStart] = useState(settings.loadModelOnStart);
  const [states, setStates] = useState<StatesDraft>(toStatesDraft(settings));
  const [documents, setDocuments] = useState<DocumentsDraft>(toDocumentsDraft(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  /** Resolves whether the settings were saved. */
  const save = async (): Promise<boolean> => {
    const parsed = SettingsSchema.safeParse({
      // Settings this form does not show (the models folder, chosen in the library) keep their
      // saved values, so a new setting elsewhere can never make this form fail silently.
      ...settings,
      theme,
      language,
      defaultSampling: samplingInput(sampling),
      defaultSystemPrompt: systemPrompt,
      contextSize: toNumber(contextSize),
      defaultModelId,
      loadModelOnStart,
      ...hardwareInput(hardware),
      ...statesInput(states, settings),
      ...documentsInput(documents),
    });
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error.issues));
      return false;
    }
    setErrors({});
    setSaving(true);
    const saved = await commands.updateSettings(parsed.data);
    setSaving(false);
    return saved;
  };
  // The planner reads the saved settings: until these are saved, its plan does not show them.
  const planChanged = isHardwareDraftChanged(hardware, settings) || toNumber(contextSize) !== settings.contextSize;

  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save().then((saved) => saved && onClose());
      }}
    >
      <div className="dialog-body">
        <section className="settings-section">
          <h3>{t('appearance')}</h3>
          <ThemeField value={theme} onChange={setTheme} />
          <LanguageField value={language} onChange={setLanguage} />
        </section>

        <section className="settings-section">
          <h3>{t('newAnswers')}</h3>
          <DefaultModelField value={defaultModelId} onChange={setDefaultModelId} />
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={loadModelOnStart}
                onChange={(event) => setLoadModelOnStart(event.target.checked)}
                aria-describedby={`${id}-warm-explain`}
                data-testid="load-model-on-start"
              />
              <span>{t('loadOnStart')}</span>
            </label>
            <span id={`${id}-warm-explain`} className="field-hint checkbox-hint">
              {t('loadOnStartHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-prompt`}>{t('defaultSystemPrompt')}</label>
            <textarea
              id={`${id}-prompt`}
              className="input textarea"
              rows={3}
              maxLength={100_000}
              value={systemPrompt}
              onChange={(event) => setSystemPrompt(event.target.value)}
            />
            <span className="field-hint">{t('defaultSystemPromptHint')}</span>
          </div>
          <SamplingFields draft={sampling} errors={errors} onChange={setSampling} />
        </section>

        <section className="settings-section">
          <h3>{t('engine')}</h3>
          <div className="field-grid">
            <div className="field">
              <label htmlFor={`${id}-context`}>{t('contextSize')}</label>
              <input
                id={`${id}-context`}
                className="input"
                type="number"
                min={256}
                max={1_048_576}
                step={256}
                value={contextSize}
                aria-invalid={errors.contextSize ? true : undefined}
                onChange={(event) => setContextSize(event.target.value)}
              />
              <span className={errors.contextSize ? 'field-error' : 'field-hint'}>
                {errors.contextSize ?? t('contextSizeHint')}
              </span>
            </div>
          </div>
          <EngineStatusPanel />
        </section>

        <HardwareSection
          draft={hardware}
          errors={errors}
          onChange={setHardware}
          savedBackend={settings.backend}
          saveFirst={planChanged ? save : null}
        />

        <SavedStatesSection draft={states} errors={errors} onChange={setStates} />

        <DocumentsSection draft={documents} errors={errors} onChange={setDocuments} />

        <RemoteEnginesSection />
        <LocalServerSection />

        <FoldersSection />
        <AboutSection />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={onClose}>
          {t('cancel', { ns: 'common' })}
        </button>
        <button type="submit" className="button button--primary" disabled={saving} data-testid="settings-save">
          {saving ? t('saving') : t('save', { ns: 'common' })}
        </button>
      </footer>
    </form>
  );
}
