import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton.js';
import { Icon } from './Icon.js';

interface PathFieldProps {
  label: string;
  path: string;
  /** Present only when the host can open folders in the file manager. */
  onOpen?: (() => void) | undefined;
}

/** A folder path the user may need to find: shown selectable, with Copy and (where possible) Open. */
export function PathField({ label, path, onOpen }: PathFieldProps) {
  const { t } = useTranslation('common');
  return (
    <div className="path-field">
      <span className="path-field-label">{label}</span>
      <div className="path-field-row">
        <code className="path-field-path" title={path}>
          {path}
        </code>
        <CopyButton text={path} label={t('copyPath', { label: label.toLowerCase() })} showLabel />
        {onOpen && (
          <button type="button" className="button button--small" onClick={onOpen}>
            <Icon name="folder" />
            <span>{t('open')}</span>
          </button>
        )}
      </div>
    </div>
  );
}
