import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGE_AUTONYMS,
  LANGUAGES,
  LanguageChoiceSchema,
  resolveLanguage,
  type LanguageChoice,
} from '../../../../contract/i18n/index.js';
import { systemLanguages } from '../../i18n/useLanguageSetting.js';

/**
 * The UI's language. Each language is offered by its own name (an autonym), so a reader finds
 * theirs whatever the UI is in now; "System" says what the system resolves to.
 */
export function LanguageField({
  value,
  onChange,
}: {
  value: LanguageChoice;
  onChange: (choice: LanguageChoice) => void;
}) {
  const { t } = useTranslation('settings');
  const id = useId();
  const system = LANGUAGE_AUTONYMS[resolveLanguage('system', systemLanguages())];
  return (
    <div className="field">
      <label htmlFor={id}>{t('language')}</label>
      <select
        id={id}
        className="select"
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(LanguageChoiceSchema.parse(event.target.value))}
        data-testid="language-select"
      >
        <option value="system">{t('languageSystem', { language: system })}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_AUTONYMS[language]}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="field-hint">
        {t('languageHint')}
      </span>
    </div>
  );
}
